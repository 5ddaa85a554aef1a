#include "harness/meter/exchange.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include <nlohmann/json.hpp>

#include "harness/meter/headers.h"

namespace landed {
namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

constexpr std::size_t kMaxQueuedBytes = 1 << 20;  // then the upstream waits for the agent
constexpr std::size_t kMaxKeptBody = 32 << 20;     // --keep-traffic: per reply

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string path_of(const std::string& target) { return target.substr(0, target.find('?')); }

/// The model the request asked for: Gemini names it in the path, the others in the body.
std::string requested_model(WireFormat format, const std::string& path, const std::string& body) {
  if (format == WireFormat::kGemini) {
    const auto start = path.rfind("/models/");
    const auto colon = path.rfind(':');
    if (start == std::string::npos || colon == std::string::npos || colon < start + 8) return "";
    return path.substr(start + 8, colon - start - 8);
  }
  const json parsed = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_object() && parsed.contains("model") && parsed["model"].is_string())
    return parsed["model"].get<std::string>();
  return "";
}

/// One forwarded call, shared by the handler, the upstream thread and httplib's content provider.
class Exchange {
 public:
  Exchange(const httplib::Request& in, const std::string& target, const ForwardContext& context)
      : context_(context), start_(Clock::now()) {
    call_.method = in.method;
    call_.path = path_of(target);
    call_.format = wire_format_of(call_.method, call_.path);
    out_.method = in.method;
    out_.path = context.meter->upstream().prefix + target;
    out_.body = in.body;
    for (const auto& [name, value] : in.headers)
      if (!is_hop_header(name)) out_.headers.emplace(name, value);
    out_.headers.emplace("Accept-Encoding", "identity");  // usage must be readable on the way
    if (context.keep_traffic)
      for (const auto& [name, value] : out_.headers)
        call_.request_headers.emplace_back(name, is_credential_header(name) ? "REDACTED" : value);
  }

  ~Exchange() {
    if (thread_.joinable()) thread_.join();
  }

  void start() {
    client_ = context_.pool->take(context_.meter->upstream());
    out_.response_handler = [this](const httplib::Response& reply) { return on_headers(reply); };
    out_.content_receiver = [this](const char* data, size_t size, uint64_t, uint64_t) {
      return on_body(std::string_view(data, size));
    };
    thread_ = std::thread([this] { run_upstream(); });
  }

  /// Waits for the reply's status and headers; false when the upstream failed before them.
  bool wait_headers() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return headers_ready_ || upstream_done_; });
    return headers_ready_;
  }

  void answer_unreachable(httplib::Response& response) {
    response.status = 502;
    const std::string message =
        fmt::format("landed metering proxy: could not reach the upstream {}: {}",
                    context_.meter->upstream().text(), error_);
    call_.error = error_;
    response.set_content(json{{"error", {{"type", "upstream_unreachable"}, {"message", message}}}}.dump(),
                         "application/json");
  }

  void copy_headers(httplib::Response& response) const {
    response.status = reply_status_;
    for (const auto& [name, value] : reply_headers_)
      if (!is_hop_header(name) && name != "Content-Type" && name != "content-type")
        response.headers.emplace(name, value);
  }

  std::string content_type() const {
    auto it = reply_headers_.find("Content-Type");
    return it == reply_headers_.end() ? "application/octet-stream" : it->second;
  }

  /// httplib's content provider: hands the next chunk to the agent; false ends the reply cut.
  bool provide(httplib::DataSink& sink) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !chunks_.empty() || upstream_done_; });
    if (chunks_.empty()) {
      lock.unlock();
      if (!upstream_ok_) return false;  // the upstream broke off: so does the agent's reply
      // Record the call before the agent sees the end of the reply: its next request may come
      // at once, and must meet this call's usage (a cap it crossed is then refused).
      finish();
      sink.done();
      return true;
    }
    std::string chunk = std::move(chunks_.front());
    chunks_.pop_front();
    queued_bytes_ -= chunk.size();
    changed_.notify_all();
    lock.unlock();
    if (sink.write(chunk.data(), chunk.size())) return true;
    cancel();
    return false;
  }

  void cancel() {
    {
      std::lock_guard lock(mutex_);
      if (upstream_done_) return;
      cancelled_ = true;
    }
    changed_.notify_all();
    client_->stop();  // unblocks a read of a silent upstream
  }

  /// Joins the upstream thread and records the call. Runs once, whoever calls it first (the
  /// end of the reply, or httplib's release of the provider).
  void finish() {
    std::call_once(finished_, [this] { record_call(); });
  }

 private:
  void record_call() {
    if (thread_.joinable()) thread_.join();
    call_.status = headers_ready_ ? reply_status_ : 0;
    call_.client_gone = cancelled_;
    call_.total_s = seconds_since(start_);
    if (scanner_) call_.usage = scanner_->finish(upstream_ok_ && !cancelled_);
    if (call_.model_call() && call_.usage.model.empty())
      call_.request_model = requested_model(call_.format, call_.path, out_.body);
    if (context_.keep_traffic) call_.request_body = out_.body;
    if (upstream_ok_ && !cancelled_) context_.pool->give_back(context_.meter->upstream(), std::move(client_));
    context_.meter->record(std::move(call_));
  }

  bool on_headers(const httplib::Response& reply) {
    std::lock_guard lock(mutex_);
    reply_status_ = reply.status;
    reply_headers_ = reply.headers;
    headers_ready_ = true;
    const bool ok = reply.status >= 200 && reply.status < 300;
    if (call_.model_call() && ok) {
      const bool events = reply.get_header_value("Content-Type").find("text/event-stream") !=
                          std::string::npos;
      scanner_.emplace(call_.format, events);
    }
    changed_.notify_all();
    return !cancelled_;
  }

  bool on_body(std::string_view data) {
    if (!call_.ttfb_s) call_.ttfb_s = seconds_since(start_);
    if (scanner_) scanner_->feed(data);
    if (context_.keep_traffic && call_.response_body.size() + data.size() <= kMaxKeptBody)
      call_.response_body.append(data);
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return queued_bytes_ < kMaxQueuedBytes || cancelled_; });
    if (cancelled_) return false;
    chunks_.emplace_back(data);
    queued_bytes_ += data.size();
    changed_.notify_all();
    return true;
  }

  void run_upstream() {
    httplib::Response reply;
    httplib::Error error = httplib::Error::Success;
    const bool ok = client_->send(out_, reply, error);
    {
      std::lock_guard lock(mutex_);
      upstream_done_ = true;
      upstream_ok_ = ok;
      if (!ok) error_ = httplib::to_string(error);
    }
    changed_.notify_all();
  }

  ForwardContext context_;
  Clock::time_point start_;
  CallRecord call_;
  httplib::Request out_;
  std::unique_ptr<httplib::Client> client_;
  std::thread thread_;
  std::optional<UsageScanner> scanner_;  // model calls answered 2xx only

  std::mutex mutex_;
  std::condition_variable changed_;
  bool headers_ready_ = false;
  int reply_status_ = 0;
  httplib::Headers reply_headers_;
  std::deque<std::string> chunks_;
  std::size_t queued_bytes_ = 0;
  bool upstream_done_ = false;
  bool upstream_ok_ = false;
  bool cancelled_ = false;
  std::string error_;
  std::once_flag finished_;
};

json refusal_body(WireFormat format, const std::string& message) {
  switch (format) {
    case WireFormat::kAnthropic:
      return {{"type", "error"}, {"error", {{"type", "rate_limit_error"}, {"message", message}}}};
    case WireFormat::kGemini:
      return {{"error", {{"code", 429}, {"message", message}, {"status", "RESOURCE_EXHAUSTED"}}}};
    default:  // OpenAI: insufficient_quota is the code its clients treat as final
      return {{"error", {{"message", message}, {"type", "insufficient_quota"},
                         {"code", "insufficient_quota"}, {"param", nullptr}}}};
  }
}

}  // namespace

void forward_call(const httplib::Request& request, const std::string& target,
                  httplib::Response& response, const ForwardContext& context) {
  auto exchange = std::make_shared<Exchange>(request, target, context);
  exchange->start();
  if (!exchange->wait_headers()) {
    exchange->answer_unreachable(response);
    exchange->finish();
    return;
  }
  exchange->copy_headers(response);
  response.set_chunked_content_provider(
      exchange->content_type(),
      [exchange](size_t, httplib::DataSink& sink) { return exchange->provide(sink); },
      [exchange](bool success) {
        if (!success) exchange->cancel();
        exchange->finish();
      });
}

void refuse_call(const httplib::Request& request, const std::string& target, const Refusal& refusal,
                 httplib::Response& response, AttemptMeter& meter) {
  CallRecord call;
  call.method = request.method;
  call.path = path_of(target);
  call.format = wire_format_of(call.method, call.path);
  call.status = 429;
  call.refused = true;
  call.error = refusal.message;
  call.request_model = requested_model(call.format, call.path, request.body);
  response.status = 429;
  response.set_content(refusal_body(call.format, refusal.message).dump(), "application/json");
  meter.record(std::move(call));
}

}  // namespace landed
