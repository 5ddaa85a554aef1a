// Idle upstream HTTP(S) connections of the metering proxy, kept per origin and reused, so a call
// does not pay a new TCP and TLS handshake (and CA store load) each time.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <httplib.h>

#include "harness/meter/upstream.h"

namespace landed {

struct UpstreamSettings {
  std::optional<std::filesystem::path> ca_file;  // else the system CA store
  int connect_timeout_s = 10;
  int read_timeout_s = 600;     // between two bytes of a reply (long thinking pauses)
  int write_timeout_s = 60;
};

class ClientPool {
 public:
  explicit ClientPool(UpstreamSettings settings) : settings_(std::move(settings)) {}
  std::unique_ptr<httplib::Client> take(const Upstream& upstream);
  /// Returns a client whose last exchange ended cleanly (its connection may be reused).
  void give_back(const Upstream& upstream, std::unique_ptr<httplib::Client> client);

 private:
  static constexpr std::size_t kIdlePerOrigin = 16;
  UpstreamSettings settings_;
  std::mutex mutex_;
  std::map<std::string, std::vector<std::unique_ptr<httplib::Client>>> idle_;
};

}  // namespace landed
