#include "tests/fake_llm/server.h"

#include <iostream>
#include <thread>

namespace fake_llm {
namespace {

using nlohmann::json;

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

const char* kind_name(const Turn* turn) {
  if (turn == nullptr) return "past_script";
  switch (turn->kind) {
    case Turn::Kind::kToolCall:
      return "tool_call";
    case Turn::Kind::kText:
      return "text";
    case Turn::Kind::kError:
      return "error";
  }
  return "text";
}

void send(httplib::Response& response, const Reply& reply) {
  response.status = reply.status;
  response.set_content(reply.body, reply.content_type.c_str());
}

}  // namespace

FakeServer::FakeServer(Script script, ServerOptions options, RequestLog log)
    : options_(std::move(options)), player_(std::move(script)), log_(std::move(log)) {
  add_routes();
}

void FakeServer::add_routes() {
  http_.Post(R"((/v1)?/responses)", [this](const auto& req, auto& res) {
    on_model_request(*responses_, req, res, "", std::nullopt);
  });
  http_.Post(R"((/v1)?/chat/completions)", [this](const auto& req, auto& res) {
    on_model_request(*chat_, req, res, "", std::nullopt);
  });
  http_.Post("/v1/messages", [this](const auto& req, auto& res) {
    on_model_request(*anthropic_, req, res, "", std::nullopt);
  });
  http_.Post("/v1/messages/count_tokens", [this](const auto& req, auto& res) {
    const json count = {{"input_tokens", static_cast<std::int64_t>(req.body.size() / 4)}};
    on_other("count_tokens", req, res, 200, count.dump());
  });
  http_.Post(R"(/(v1beta|v1)/models/([^:/]+(/[^:/]+)?):(\w+))",
             [this](const auto& req, auto& res) { on_gemini(req, res); });
  http_.Get("/api/hello", [this](const auto& req, auto& res) {
    on_other("hello", req, res, 200, R"({"message":"hello"})");
  });
  http_.Get(R"((/v1)?/models)", [this](const auto& req, auto& res) {
    on_other("models", req, res, 200, R"({"object":"list","data":[]})");
  });
  // Anything else is logged, so a test can see what a client asked for.
  auto unknown = [this](const auto& req, auto& res) {
    on_other("unknown", req, res, 404, R"({"error":{"message":"fake-llm: no such endpoint"}})");
  };
  http_.Get(".*", unknown);
  http_.Post(".*", unknown);
  http_.Put(".*", unknown);
  http_.Delete(".*", unknown);
}

landed::Result<int> FakeServer::bind() {
  const int port = options_.port == 0
                       ? http_.bind_to_any_port("127.0.0.1")
                       : (http_.bind_to_port("127.0.0.1", options_.port) ? options_.port : -1);
  if (port <= 0) return landed::make_error("cannot listen on 127.0.0.1:{}", options_.port);
  return port;
}

void FakeServer::serve() {
  last_request_ms_ = now_ms();
  std::thread watchdog([this] { watch(); });
  http_.listen_after_bind();
  watchdog.join();
}

void FakeServer::watch() {
  const auto idle_ms = static_cast<std::int64_t>(options_.idle_exit_s * 1000);
  while (true) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (sequence_ >= options_.max_requests) {
      std::cerr << "fake-llm: served " << options_.max_requests << " requests: stopping\n";
      break;
    }
    if (now_ms() - last_request_ms_ > idle_ms) {
      std::cerr << "fake-llm: idle for " << options_.idle_exit_s << " s: stopping\n";
      break;
    }
  }
  http_.stop();
}

json FakeServer::begin_entry(const httplib::Request& request, const std::string& endpoint) {
  last_request_ms_ = now_ms();
  json entry = {{"seq", sequence_.fetch_add(1)},
                {"method", request.method},
                {"path", request.path},
                {"endpoint", endpoint}};
  if (options_.log_bodies) {
    json body = json::parse(request.body, nullptr, /*allow_exceptions=*/false);
    entry["request"] = body.is_discarded() ? json(request.body) : body;
  }
  return entry;
}

void FakeServer::on_other(const std::string& kind, const httplib::Request& request,
                          httplib::Response& response, int status, const std::string& body) {
  json entry = begin_entry(request, kind);
  entry["kind"] = kind;
  entry["status"] = status;
  log_.append(entry);
  response.status = status;
  if (request.method != "HEAD") response.set_content(body, "application/json");
}

void FakeServer::on_gemini(const httplib::Request& request, httplib::Response& response) {
  const std::string model = request.matches[2];
  const std::string method = request.matches[4];
  if (method == "countTokens") {
    const json count = {{"totalTokens", static_cast<std::int64_t>(request.body.size() / 4)}};
    return on_other("count_tokens", request, response, 200, count.dump());
  }
  if (method != "generateContent" && method != "streamGenerateContent")
    return on_other("unknown", request, response, 404, R"({"error":{"code":404}})");
  const bool stream = method == "streamGenerateContent";
  auto dialect = make_gemini(request.get_param_value("alt") == "sse");
  on_model_request(*dialect, request, response, model, stream);
}

void FakeServer::on_model_request(const Dialect& dialect, const httplib::Request& request,
                                  httplib::Response& response, std::string model,
                                  std::optional<bool> stream) {
  json entry = begin_entry(request, dialect.name());
  const json body = json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded() || !body.is_object()) {
    entry.update({{"kind", "bad_request"}, {"status", 400}});
    log_.append(entry);
    return send(response, dialect.error(400, "fake-llm: the request body is not a JSON object"));
  }
  Exchange exchange{body, model.empty() ? body.value("model", "") : model,
                    stream.value_or(dialect.wants_stream(body)), entry["seq"].get<int>()};
  entry.update({{"model", exchange.model}, {"stream", exchange.stream}});
  const Cue cue = player_.next();
  const Reply reply = reply_for(dialect, exchange, cue, entry);
  if (cue.turn && cue.turn->kind == Turn::Kind::kError && cue.turn->error.retry_after_s)
    response.set_header("retry-after", std::to_string(*cue.turn->error.retry_after_s));
  log_.append(entry);
  send(response, reply);
}

Reply FakeServer::reply_for(const Dialect& dialect, const Exchange& exchange, const Cue& cue,
                            json& entry) {
  entry.update({{"turn", cue.index}, {"kind", kind_name(cue.turn)}, {"usage", nullptr}});
  Reply reply;
  if (cue.turn == nullptr) {
    std::cerr << "fake-llm: request " << exchange.sequence
              << " came after the script's last turn\n";
    reply = dialect.error(500, "fake-llm: the script has run out of turns");
  } else if (cue.turn->kind == Turn::Kind::kError) {
    reply = dialect.error(cue.turn->error.status, cue.turn->error.message);
  } else {
    reply = dialect.answer(exchange, *cue.turn);
    entry.update({{"usage", reply.usage}, {"wire_usage", reply.wire_usage}});
    if (reply.tool)
      entry.update({{"tool", reply.tool->name}, {"arguments", reply.tool->arguments}});
  }
  entry["status"] = reply.status;
  return reply;
}

}  // namespace fake_llm
