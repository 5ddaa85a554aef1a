#include "harness/meter/token_registry.h"

#include <openssl/rand.h>

namespace landed {

Result<std::string> new_attempt_token() {
  unsigned char bytes[16];
  if (RAND_bytes(bytes, sizeof bytes) != 1)
    return make_error("could not draw a random attempt token (RAND_bytes failed)");
  std::string token;
  for (unsigned char byte : bytes) token += fmt::format("{:02x}", byte);
  return token;
}

Result<std::string> TokenRegistry::add(std::shared_ptr<AttemptMeter> meter) {
  LANDED_TRY(std::string token, new_attempt_token());
  std::lock_guard lock(mutex_);
  meters_.emplace(token, std::move(meter));
  return token;
}

std::shared_ptr<AttemptMeter> TokenRegistry::find(std::string_view token) const {
  std::lock_guard lock(mutex_);
  auto it = meters_.find(std::string(token));
  return it == meters_.end() ? nullptr : it->second;
}

void TokenRegistry::remove(const std::string& token) {
  std::lock_guard lock(mutex_);
  meters_.erase(token);
}

double TokenRegistry::live_cost_usd() const {
  std::lock_guard lock(mutex_);
  double total = 0;
  for (const auto& [token, meter] : meters_) total += meter->cost_usd();
  return total;
}

}  // namespace landed
