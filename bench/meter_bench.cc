// The metering proxy's cost per call on loopback, in one program against one upstream (the fake
// LLM server): each call is made directly and through the proxy, alternating, and the
// difference of the percentiles is the added latency (and their ratio); time to the first
// streamed byte likewise; then STREAMS concurrent streamed calls through the proxy, all held open
// at once (an upstream in a child process sends message_start, waits HOLD_MS, then the rest),
// with this process's peak RSS (proxy + clients and their threads: an upper bound of the
// proxy's own) before and after.
//   meter_bench FAKE_LLM [CALLS=2000] [STREAMS=200] [HOLD_MS=1000]
#include <sys/resource.h>
#include <signal.h>
#include <sys/types.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "harness/meter/meter_proxy.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Timing {
  double total_ms = 0;
  double ttfb_ms = 0;
};

Timing timed_call(httplib::Client& client, const std::string& path) {
  httplib::Request request;
  request.method = "POST";
  request.path = path;
  request.headers = {{"Content-Type", "application/json"}, {"x-api-key", "bench"}};
  request.body = R"({"model":"bench-model","max_tokens":16,"stream":true,"messages":[{"role":"user","content":"hi"}]})";
  const auto start = Clock::now();
  Timing timing;
  bool first = true;
  request.content_receiver = [&](const char*, size_t, uint64_t, uint64_t) {
    if (first) timing.ttfb_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    first = false;
    return true;
  };
  httplib::Response response;
  httplib::Error error;
  if (!client.send(request, response, error) || response.status != 200) {
    std::fprintf(stderr, "call failed: %s status %d\n", httplib::to_string(error).c_str(), response.status);
    std::exit(1);
  }
  timing.total_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  return timing;
}

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1))];
}

long peak_rss_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

int start_fake(const std::string& fake, int turns, int requests, FILE** pipe) {
  nlohmann::json script = {{"turns", nlohmann::json::array()}};
  for (int i = 0; i < turns; ++i)
    script["turns"].push_back({{"text", "ok"}, {"usage", {{"input", 100}, {"output", 5}}}});
  const std::string path = "/tmp/meter-bench-script.json";
  std::ofstream(path) << script.dump();
  const std::string command = fake + " --script " + path + " --max-requests " +
                              std::to_string(requests) + " --idle-exit 60";
  *pipe = ::popen(command.c_str(), "r");
  int port = 0;
  if (!*pipe || std::fscanf(*pipe, "listening on %d", &port) != 1) {
    std::fprintf(stderr, "fake-llm did not start\n");
    std::exit(1);
  }
  return port;
}

/// An Anthropic SSE upstream that holds every stream open for `hold_ms` after its first event,
/// so that all the bench's streams are in flight through the proxy at the same time.
class SlowUpstream {
 public:
  SlowUpstream(int hold_ms, int threads) {
    server_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    server_.Post("/v1/messages", [hold_ms](const httplib::Request&, httplib::Response& response) {
      response.set_chunked_content_provider("text/event-stream", [hold_ms](size_t, httplib::DataSink& sink) {
        const std::string start = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":"
                                  "{\"model\":\"bench-model\",\"usage\":{\"input_tokens\":100,"
                                  "\"output_tokens\":1}}}\n\n";
        sink.write(start.data(), start.size());
        std::this_thread::sleep_for(std::chrono::milliseconds(hold_ms));
        const std::string rest = "event: message_delta\ndata: {\"type\":\"message_delta\",\"usage\":"
                                 "{\"output_tokens\":5}}\n\nevent: message_stop\ndata: "
                                 "{\"type\":\"message_stop\"}\n\n";
        sink.write(rest.data(), rest.size());
        sink.done();
        return true;
      });
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~SlowUpstream() {
    server_.stop();
    thread_.join();
  }
  int port() const { return port_; }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
};

/// The slow upstream in a child process (forked before any thread of this one), so that its
/// memory and descriptors are not counted as the proxy's. Returns its port.
int start_slow_upstream(int hold_ms, int threads, pid_t* child) {
  int fds[2];
  if (::pipe(fds) != 0) std::exit(1);
  if ((*child = ::fork()) == 0) {
    ::close(fds[0]);
    SlowUpstream slow(hold_ms, threads);
    const int port = slow.port();
    (void)!::write(fds[1], &port, sizeof port);
    ::pause();  // until the bench kills it
  }
  ::close(fds[1]);
  int port = 0;
  if (::read(fds[0], &port, sizeof port) != sizeof port) std::exit(1);
  return port;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: meter_bench FAKE_LLM [CALLS] [STREAMS]\n");
    return 2;
  }
  const int calls = argc > 2 ? std::stoi(argv[2]) : 2000;
  const int streams = argc > 3 ? std::stoi(argv[3]) : 200;
  const int hold_ms = argc > 4 ? std::stoi(argv[4]) : 1000;
  pid_t slow_pid = 0;
  const int slow_port = start_slow_upstream(hold_ms, streams + 8, &slow_pid);
  FILE* fake = nullptr;
  const int port = start_fake(argv[1], 2 * calls + 20, 2 * calls, &fake);
  auto proxy = std::move(landed::MeterProxy::start({})).value();
  auto lease = std::move(proxy->open({"bench", "http://127.0.0.1:" + std::to_string(port), {}, nullptr})).value();
  const std::string prefix = lease.base_url().substr(lease.base_url().find("/a/"));

  httplib::Client direct("127.0.0.1", port), proxied("127.0.0.1", proxy->port());
  direct.set_keep_alive(true);
  proxied.set_keep_alive(true);
  direct.set_tcp_nodelay(true);  // else Nagle + delayed ACK add ~40 ms to both series
  proxied.set_tcp_nodelay(true);
  std::vector<double> direct_ms, proxied_ms, direct_ttfb, proxied_ttfb;
  for (int i = 0; i < calls; ++i) {
    const Timing d = timed_call(direct, "/v1/messages");
    const Timing p = timed_call(proxied, prefix + "/v1/messages");
    direct_ms.push_back(d.total_ms);
    proxied_ms.push_back(p.total_ms);
    direct_ttfb.push_back(d.ttfb_ms);
    proxied_ttfb.push_back(p.ttfb_ms);
  }
  std::printf("calls %d (sequential, keep-alive, Anthropic SSE from fake-llm)\n", calls);
  for (double p : {0.5, 0.99})
    std::printf("p%-2.0f total: direct %.3f ms, proxied %.3f ms, added %.3f ms (x%.2f) | ttfb: direct "
                "%.3f ms, proxied %.3f ms, added %.3f ms (x%.2f)\n", p * 100, percentile(direct_ms, p),
                percentile(proxied_ms, p), percentile(proxied_ms, p) - percentile(direct_ms, p),
                percentile(proxied_ms, p) / percentile(direct_ms, p), percentile(direct_ttfb, p),
                percentile(proxied_ttfb, p), percentile(proxied_ttfb, p) - percentile(direct_ttfb, p),
                percentile(proxied_ttfb, p) / percentile(direct_ttfb, p));
  (void)lease.close();

  auto held = std::move(proxy->open({"streams", "http://127.0.0.1:" + std::to_string(slow_port), {},
                                     nullptr})).value();
  const std::string held_prefix = held.base_url().substr(held.base_url().find("/a/"));
  const long before = peak_rss_kb();
  const auto streams_start = Clock::now();
  std::vector<std::thread> threads;
  for (int i = 0; i < streams; ++i)
    threads.emplace_back([&] {
      httplib::Client client("127.0.0.1", proxy->port());
      client.set_read_timeout(60, 0);
      client.set_tcp_nodelay(true);
      timed_call(client, held_prefix + "/v1/messages");
    });
  for (auto& thread : threads) thread.join();
  const double streams_s = std::chrono::duration<double>(Clock::now() - streams_start).count();
  const landed::MeterReport report = held.close();
  std::printf("%d concurrent streams held %d ms each, all done in %.2f s: peak RSS %.1f MB before, "
              "%.1f MB after (this process: proxy + clients + upstream); metered calls %lld, "
              "usage complete: %s\n", streams, hold_ms, streams_s, before / 1024.0,
              peak_rss_kb() / 1024.0, static_cast<long long>(report.usage.calls),
              report.usage.complete ? "yes" : "no");
  proxy.reset();
  ::kill(slow_pid, SIGKILL);
  ::pclose(fake);
  return 0;
}
