// The metering proxy: an HTTP server on 127.0.0.1 (an ephemeral port) that forwards each running
// attempt's model calls to its upstream provider, reads every reply's usage on the way, and
// refuses calls once the attempt or the campaign reached a limit. Each attempt talks to it at
// its own base URL, http://127.0.0.1:PORT/a/<token>; a request with no live token gets 403.
// It never prints; nothing reaches the disk from here (the attempt writes what it keeps).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <thread>

#include <httplib.h>

#include "harness/base/error.h"
#include "harness/meter/attempt_meter.h"
#include "harness/meter/client_pool.h"
#include "harness/meter/token_registry.h"

namespace landed {

struct MeterProxyOptions {
  UpstreamSettings upstream;
  bool keep_traffic = false;     // keep request and reply bodies in the call records
  CampaignBudget campaign;
  std::size_t threads = 256;     // concurrent agent connections (streams) served at once
};

struct AttemptMeterSpec {
  std::string attempt_id;
  std::string upstream;          // e.g. "https://api.anthropic.com"
  MeterLimits limits;
  std::function<Dollars(const Usage&)> price;
};

class MeterProxy;

/// One attempt's registration with the proxy; closing it (or destroying it) retires the token.
class MeterLease {
 public:
  MeterLease(MeterLease&& other) noexcept;
  MeterLease& operator=(MeterLease&&) = delete;
  ~MeterLease();

  /// http://127.0.0.1:PORT/a/<token> (no trailing '/').
  const std::string& base_url() const { return base_url_; }
  int stop_fd() const { return meter_->stop_fd(); }
  /// Retires the token (later requests get 403), waits briefly for calls still streaming, and
  /// returns what was metered.
  MeterReport close();

 private:
  friend class MeterProxy;
  MeterLease(MeterProxy* proxy, std::string token, std::string base_url,
             std::shared_ptr<AttemptMeter> meter)
      : proxy_(proxy), token_(std::move(token)), base_url_(std::move(base_url)), meter_(std::move(meter)) {}

  MeterProxy* proxy_;
  std::string token_;
  std::string base_url_;
  std::shared_ptr<AttemptMeter> meter_;
};

class MeterProxy {
 public:
  static Result<std::unique_ptr<MeterProxy>> start(MeterProxyOptions options);
  ~MeterProxy();
  MeterProxy(const MeterProxy&) = delete;
  MeterProxy& operator=(const MeterProxy&) = delete;

  int port() const { return port_; }
  Result<MeterLease> open(const AttemptMeterSpec& spec);

 private:
  friend class MeterLease;
  explicit MeterProxy(MeterProxyOptions options);
  void handle(const httplib::Request& request, httplib::Response& response);

  MeterProxyOptions options_;
  ClientPool pool_;
  TokenRegistry registry_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace landed
