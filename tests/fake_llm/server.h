// The fake LLM server: routes each API's endpoints on 127.0.0.1 to its dialect, hands every
// model request the script's next turn, logs what it served, and stops by itself.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "tests/fake_llm/dialect.h"
#include "tests/fake_llm/request_log.h"
#include "tests/fake_llm/script.h"

namespace fake_llm {

struct ServerOptions {
  int port = 0;                    // 0: any free port
  std::filesystem::path log_path;  // empty: no log
  bool log_bodies = false;         // put each request body into its log line
  int max_requests = 200;          // stop after serving this many requests
  double idle_exit_s = 120;        // stop after this long without a request
};

class FakeServer {
 public:
  FakeServer(Script script, ServerOptions options, RequestLog log);
  /// Binds 127.0.0.1 and returns the port.
  landed::Result<int> bind();
  /// Serves until idle for idle_exit_s or max_requests were served.
  void serve();

 private:
  void add_routes();
  void on_model_request(const Dialect& dialect, const httplib::Request& request,
                        httplib::Response& response, std::string model, std::optional<bool> stream);
  void on_gemini(const httplib::Request& request, httplib::Response& response);
  void on_other(const std::string& kind, const httplib::Request& request,
                httplib::Response& response, int status, const std::string& body);
  Reply reply_for(const Dialect& dialect, const Exchange& exchange, const Cue& cue,
                  nlohmann::json& entry);
  nlohmann::json begin_entry(const httplib::Request& request, const std::string& endpoint);
  void watch();

  ServerOptions options_;
  Player player_;
  RequestLog log_;
  httplib::Server http_;
  std::unique_ptr<Dialect> responses_ = make_openai_responses();
  std::unique_ptr<Dialect> chat_ = make_openai_chat();
  std::unique_ptr<Dialect> anthropic_ = make_anthropic();
  std::atomic<int> sequence_{0};
  std::atomic<std::int64_t> last_request_ms_{0};
};

}  // namespace fake_llm
