#include "harness/meter/client_pool.h"

namespace landed {

std::unique_ptr<httplib::Client> ClientPool::take(const Upstream& upstream) {
  {
    std::lock_guard lock(mutex_);
    auto& idle = idle_[upstream.origin()];
    if (!idle.empty()) {
      auto client = std::move(idle.back());
      idle.pop_back();
      return client;
    }
  }
  auto client = std::make_unique<httplib::Client>(upstream.origin());
  client->set_keep_alive(true);
  client->set_follow_location(false);
  client->set_decompress(true);
  client->set_tcp_nodelay(true);
  client->set_connection_timeout(settings_.connect_timeout_s, 0);
  client->set_read_timeout(settings_.read_timeout_s, 0);
  client->set_write_timeout(settings_.write_timeout_s, 0);
  if (upstream.scheme == "https") {
    client->enable_server_certificate_verification(true);
    if (settings_.ca_file) client->set_ca_cert_path(settings_.ca_file->string());
  }
  return client;
}

void ClientPool::give_back(const Upstream& upstream, std::unique_ptr<httplib::Client> client) {
  std::lock_guard lock(mutex_);
  auto& idle = idle_[upstream.origin()];
  if (idle.size() < kIdlePerOrigin) idle.push_back(std::move(client));
}

}  // namespace landed
