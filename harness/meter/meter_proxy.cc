#include "harness/meter/meter_proxy.h"

#include <nlohmann/json.hpp>

#include "harness/meter/exchange.h"

namespace landed {
namespace {

constexpr std::string_view kPrefix = "/a/";
constexpr std::chrono::seconds kCloseWait{10};

void answer_error(httplib::Response& response, int status, const std::string& message) {
  response.status = status;
  response.set_content(nlohmann::json{{"error", {{"type", "landed_proxy"}, {"message", message}}}}.dump(),
                       "application/json");
}

}  // namespace

MeterLease::MeterLease(MeterLease&& other) noexcept
    : proxy_(std::exchange(other.proxy_, nullptr)), token_(std::move(other.token_)),
      base_url_(std::move(other.base_url_)), meter_(std::move(other.meter_)) {}

MeterLease::~MeterLease() {
  if (proxy_) proxy_->registry_.remove(token_);
}

MeterReport MeterLease::close() {
  if (proxy_) proxy_->registry_.remove(token_);
  proxy_ = nullptr;
  (void)meter_->wait_idle(kCloseWait);
  return meter_->report();
}

MeterProxy::MeterProxy(MeterProxyOptions options)
    : options_(std::move(options)), pool_(options_.upstream),
      server_(std::make_unique<httplib::Server>()) {}

Result<std::unique_ptr<MeterProxy>> MeterProxy::start(MeterProxyOptions options) {
  std::unique_ptr<MeterProxy> proxy(new MeterProxy(std::move(options)));
  httplib::Server& server = *proxy->server_;
  const std::size_t threads = proxy->options_.threads;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_tcp_nodelay(true);
  server.set_read_timeout(120, 0);
  server.set_write_timeout(120, 0);
  server.set_payload_max_length(std::size_t{256} << 20);
  auto handler = [raw = proxy.get()](const httplib::Request& request, httplib::Response& response) {
    raw->handle(request, response);
  };
  server.Get(".*", handler);
  server.Post(".*", handler);
  server.Put(".*", handler);
  server.Patch(".*", handler);
  server.Delete(".*", handler);
  server.Options(".*", handler);
  proxy->port_ = server.bind_to_any_port("127.0.0.1");
  if (proxy->port_ <= 0) return make_error("the metering proxy could not listen on 127.0.0.1");
  proxy->thread_ = std::thread([&server] { server.listen_after_bind(); });
  // httplib's stop() does nothing before the accept loop runs: wait for it (bounded), so that
  // destroying the proxy right away cannot leave the loop running forever.
  for (int waited_ms = 0; !server.is_running() && waited_ms < 5000; ++waited_ms)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  if (!server.is_running()) return make_error("the metering proxy did not start accepting");
  return proxy;
}

MeterProxy::~MeterProxy() {
  server_->stop();
  if (thread_.joinable()) thread_.join();
}

Result<MeterLease> MeterProxy::open(const AttemptMeterSpec& spec) {
  LANDED_TRY(Upstream upstream, parse_upstream(spec.upstream));
  auto meter = std::make_shared<AttemptMeter>(spec.attempt_id, std::move(upstream), spec.limits, spec.price);
  if (meter->stop_fd() < 0) return errno_error("eventfd", "the metering proxy's stop signal");
  LANDED_TRY(std::string token, registry_.add(meter));
  std::string base_url = fmt::format("http://127.0.0.1:{}{}{}", port_, kPrefix, token);
  return MeterLease(this, std::move(token), std::move(base_url), std::move(meter));
}

void MeterProxy::handle(const httplib::Request& request, httplib::Response& response) {
  const std::string& target = request.target;
  if (target.rfind(kPrefix, 0) != 0)
    return answer_error(response, 404, "landed metering proxy: use the attempt's base URL (/a/<token>/...)");
  const std::size_t token_end = target.find_first_of("/?", kPrefix.size());
  const std::string token = target.substr(kPrefix.size(), token_end - kPrefix.size());
  std::shared_ptr<AttemptMeter> meter = registry_.find(token);
  if (!meter) return answer_error(response, 403, "landed metering proxy: no running attempt has this token");
  std::string rest = "/";
  if (token_end != std::string::npos)
    rest.append(target, target[token_end] == '/' ? token_end + 1 : token_end, std::string::npos);
  meter->begin_call();
  if (wire_format_of(request.method, rest.substr(0, rest.find('?'))) != WireFormat::kNone) {
    const double live = options_.campaign.max_usd ? registry_.live_cost_usd() : 0;
    if (auto refusal = meter->admit(options_.campaign, live))
      return refuse_call(request, rest, *refusal, response, *meter);
  }
  forward_call(request, rest, response, ForwardContext{meter, &pool_, options_.keep_traffic});
}

}  // namespace landed
