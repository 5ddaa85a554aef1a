#include "harness/meter/meter_proxy.h"

#include <poll.h>

#include <atomic>
#include <condition_variable>
#include <future>

#include <gtest/gtest.h>
#include <httplib.h>

namespace landed {
namespace {

const std::string kAnthropicStream =
    "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"model\":\"claude-x\","
    "\"usage\":{\"input_tokens\":INPUT,\"cache_read_input_tokens\":3,\"cache_creation_input_tokens\":2,"
    "\"output_tokens\":1}}}\n\n";
const std::string kAnthropicEnd =
    "event: message_delta\ndata: {\"type\":\"message_delta\",\"usage\":{\"output_tokens\":7}}\n\n"
    "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

std::string with_input(std::string text, int input) {
  text.replace(text.find("INPUT"), 5, std::to_string(input));
  return text;
}

/// A scripted upstream on 127.0.0.1: Anthropic-style SSE whose input tokens come from the
/// request's "input" header, and a gate that holds the end of the stream until the test opens it.
class FakeUpstream {
 public:
  FakeUpstream() {
    server_.Post(".*", [this](const httplib::Request& req, httplib::Response& res) {
      {
        std::lock_guard lock(mutex_);
        last_path_ = req.target;
        last_key_ = req.get_header_value("x-api-key");
        last_body_ = req.body;
      }
      const int input = std::stoi(req.get_header_value("input").empty() ? "10" : req.get_header_value("input"));
      const bool hold = req.has_header("hold");
      const bool cut = req.has_header("cut");
      auto step = std::make_shared<int>(0);
      res.set_chunked_content_provider("text/event-stream", [=, this](size_t, httplib::DataSink& sink) {
        if (*step == 0) {
          ++*step;
          const std::string start = with_input(kAnthropicStream, input);
          return sink.write(start.data(), start.size());
        }
        if (hold) wait_open();
        if (cut) return false;
        sink.write(kAnthropicEnd.data(), kAnthropicEnd.size());
        sink.done();
        return true;
      });
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~FakeUpstream() {
    open();
    server_.stop();
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  void open() {
    std::lock_guard lock(mutex_);
    open_ = true;
    opened_.notify_all();
  }
  std::string last_path() { std::lock_guard lock(mutex_); return last_path_; }
  std::string last_key() { std::lock_guard lock(mutex_); return last_key_; }
  std::string last_body() { std::lock_guard lock(mutex_); return last_body_; }

 private:
  void wait_open() {
    std::unique_lock lock(mutex_);
    opened_.wait_for(lock, std::chrono::seconds(20), [&] { return open_; });
  }
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mutex_;
  std::condition_variable opened_;
  bool open_ = false;
  std::string last_path_, last_key_, last_body_;
};

struct ProxyFixture : ::testing::Test {
  void SetUp() override {
    auto started = MeterProxy::start({});
    ASSERT_TRUE(started.ok()) << started.error().message;
    proxy = std::move(started).value();
  }
  MeterLease open(MeterLimits limits = {}, std::string upstream_url = "") {
    auto lease = proxy->open(AttemptMeterSpec{"t/c/r0", upstream_url.empty() ? upstream.url() : upstream_url,
                                              limits, nullptr});
    EXPECT_TRUE(lease.ok());
    return std::move(lease).value();
  }
  httplib::Result post(const std::string& base_url, const std::string& path, httplib::Headers headers = {}) {
    httplib::Client client("127.0.0.1", proxy->port());
    client.set_read_timeout(30, 0);
    const std::string prefix = base_url.substr(base_url.find("/a/"));
    return client.Post((prefix + path).c_str(), headers, R"({"model":"claude-x","stream":true})",
                       "application/json");
  }
  FakeUpstream upstream;
  std::unique_ptr<MeterProxy> proxy;
};

TEST_F(ProxyFixture, ForwardsPathQueryCredentialsAndBodyAndMetersTheReply) {
  MeterLease lease = open();
  auto reply = post(lease.base_url(), "/v1/messages?beta=true", {{"x-api-key", "sk-secret"}, {"input", "120"}});
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_NE(reply->body.find("message_stop"), std::string::npos);
  EXPECT_EQ(upstream.last_path(), "/v1/messages?beta=true");
  EXPECT_EQ(upstream.last_key(), "sk-secret");
  EXPECT_EQ(upstream.last_body(), R"({"model":"claude-x","stream":true})");
  const MeterReport report = lease.close();
  EXPECT_EQ(report.usage.calls, 1);
  EXPECT_EQ(report.usage.tokens, (TokenUsage{120, 3, 2, 7, std::nullopt}));
  ASSERT_EQ(report.calls.size(), 1u);
  EXPECT_EQ(report.calls[0].usage.model, "claude-x");
  EXPECT_TRUE(report.calls[0].ttfb_s.has_value());
  EXPECT_TRUE(report.calls[0].request_headers.empty());  // bodies and headers only with --keep-traffic
}

TEST_F(ProxyFixture, StreamsChunksBeforeTheUpstreamFinished) {
  MeterLease lease = open();
  httplib::Client client("127.0.0.1", proxy->port());
  std::atomic<bool> first_chunk_before_end{false};
  std::string received;
  const std::string path = lease.base_url().substr(lease.base_url().find("/a/")) + "/v1/messages";
  httplib::Request request;
  request.method = "POST";
  request.path = path;
  request.headers = {{"hold", "1"}, {"Content-Type", "application/json"}};
  request.body = "{}";
  request.content_receiver = [&](const char* data, size_t size, uint64_t, uint64_t) {
    received.append(data, size);
    if (received.find("message_start") != std::string::npos && received.find("message_stop") == std::string::npos) {
      first_chunk_before_end = true;
      upstream.open();  // only now does the upstream send the rest
    }
    return true;
  };
  httplib::Response response;
  httplib::Error error;
  ASSERT_TRUE(client.send(request, response, error)) << httplib::to_string(error);
  EXPECT_TRUE(first_chunk_before_end);
  EXPECT_NE(received.find("message_stop"), std::string::npos);
  EXPECT_EQ(lease.close().usage.tokens.output_tokens, 7);
}

TEST_F(ProxyFixture, RefusesUnknownAndRetiredTokens) {
  MeterLease lease = open();
  const std::string base = lease.base_url();
  httplib::Client client("127.0.0.1", proxy->port());
  EXPECT_EQ(client.Post("/a/00000000000000000000000000000000/v1/messages", "{}", "application/json")->status, 403);
  EXPECT_EQ(client.Post("/v1/messages", "{}", "application/json")->status, 404);
  lease.close();
  EXPECT_EQ(post(base, "/v1/messages")->status, 403);
}

TEST_F(ProxyFixture, TokenCapAnswers429NamingTheLimitAndSignalsStop) {
  MeterLease lease = open(MeterLimits{{}, 100, {}});
  EXPECT_EQ(post(lease.base_url(), "/v1/messages", {{"input", "200"}})->status, 200);
  auto refused = post(lease.base_url(), "/v1/messages");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 429);
  EXPECT_FALSE(refused->has_header("Retry-After"));
  EXPECT_NE(refused->body.find("max_tokens"), std::string::npos);
  EXPECT_NE(refused->body.find("rate_limit_error"), std::string::npos);  // Anthropic's shape
  pollfd p{lease.stop_fd(), POLLIN, 0};
  EXPECT_EQ(::poll(&p, 1, 0), 1);
  const MeterReport report = lease.close();
  EXPECT_EQ(report.usage.limit_hit, "tokens");
  EXPECT_EQ(report.usage.overrun, 112);  // 212 tokens used of 100
  EXPECT_EQ(report.usage.errors_by_status.at("refused"), 1);
}

TEST_F(ProxyFixture, UnreachableUpstreamIs502AndCountedAsConnection) {
  MeterLease lease = open({}, "http://127.0.0.1:1");
  auto reply = post(lease.base_url(), "/v1/messages");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 502);
  EXPECT_NE(reply->body.find("could not reach the upstream http://127.0.0.1:1"), std::string::npos);
  EXPECT_EQ(lease.close().usage.errors_by_status.at("connection"), 1);
}

TEST_F(ProxyFixture, UpstreamCutMidStreamLeavesTheUsageUnknown) {
  MeterLease lease = open();
  auto reply = post(lease.base_url(), "/v1/messages", {{"cut", "1"}});
  const MeterReport report = lease.close();
  ASSERT_EQ(report.usage.calls, 1);
  EXPECT_FALSE(report.usage.complete);
  EXPECT_EQ(report.usage.calls_usage_unknown, 1);
  EXPECT_EQ(report.calls[0].usage.problem, "the reply was cut before its usage block");
}

TEST_F(ProxyFixture, AgentHangingUpMidStreamIsRecordedConsistently) {
  MeterLease lease = open();
  httplib::Client client("127.0.0.1", proxy->port());
  httplib::Request request;
  request.method = "POST";
  request.path = lease.base_url().substr(lease.base_url().find("/a/")) + "/v1/messages";
  request.headers = {{"hold", "1"}, {"Content-Type", "application/json"}};
  request.body = "{}";
  request.content_receiver = [](const char*, size_t, uint64_t, uint64_t) { return false; };  // hang up
  httplib::Response response;
  httplib::Error error;
  client.send(request, response, error);
  upstream.open();
  const MeterReport report = lease.close();
  ASSERT_EQ(report.usage.calls, 1);
  ASSERT_EQ(report.calls.size(), 1u);
  // Whether the proxy read the reply's final usage before it saw the agent go decides: read, it
  // counts (the provider billed it all); not read, the usage is unknown and metering incomplete.
  EXPECT_EQ(report.usage.complete, report.calls[0].usage.known);
  if (report.calls[0].usage.known)
    EXPECT_EQ(report.usage.tokens, (TokenUsage{10, 3, 2, 7, std::nullopt}));
  else
    EXPECT_EQ(report.usage.calls_usage_unknown, 1);
}

TEST_F(ProxyFixture, ConcurrentAttemptsKeepTheirUsageApart) {
  std::vector<std::future<MeterReport>> runs;
  for (int i = 1; i <= 8; ++i)
    runs.push_back(std::async(std::launch::async, [this, i] {
      MeterLease lease = open();
      for (int call = 0; call < 3; ++call)
        EXPECT_EQ(post(lease.base_url(), "/v1/messages", {{"input", std::to_string(i * 100)}})->status, 200);
      return lease.close();
    }));
  for (int i = 1; i <= 8; ++i) {
    const MeterReport report = runs[static_cast<std::size_t>(i - 1)].get();
    EXPECT_EQ(report.usage.calls, 3);
    EXPECT_EQ(report.usage.tokens.input_tokens, 3 * i * 100);
  }
}

TEST_F(ProxyFixture, KeepTrafficRemovesCredentials) {
  auto started = MeterProxy::start(MeterProxyOptions{{}, true, {}, 8});
  ASSERT_TRUE(started.ok());
  proxy = std::move(started).value();
  MeterLease lease = open();
  post(lease.base_url(), "/v1/messages", {{"x-api-key", "sk-secret"}, {"Authorization", "Bearer sk-2"}});
  const MeterReport report = lease.close();
  ASSERT_EQ(report.calls.size(), 1u);
  for (const auto& [name, value] : report.calls[0].request_headers)
    EXPECT_EQ(value.find("sk-"), std::string::npos) << name;
  EXPECT_NE(report.calls[0].response_body.find("message_delta"), std::string::npos);
  EXPECT_EQ(report.calls[0].request_body, R"({"model":"claude-x","stream":true})");
}

}  // namespace
}  // namespace landed
