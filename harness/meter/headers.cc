#include "harness/meter/headers.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace landed {
namespace {

bool same(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

template <std::size_t N>
bool one_of(std::string_view name, const std::array<std::string_view, N>& names) {
  return std::any_of(names.begin(), names.end(), [&](std::string_view n) { return same(n, name); });
}

}  // namespace

bool is_hop_header(std::string_view name) {
  static constexpr std::array<std::string_view, 16> kHop = {
      "host", "connection", "keep-alive", "proxy-connection", "proxy-authenticate",
      "te", "trailer", "transfer-encoding", "upgrade", "content-length", "accept-encoding",
      "content-encoding", "REMOTE_ADDR", "REMOTE_PORT", "LOCAL_ADDR", "LOCAL_PORT"};
  return one_of(name, kHop);
}

bool is_credential_header(std::string_view name) {
  static constexpr std::array<std::string_view, 9> kSecret = {
      "authorization", "proxy-authorization", "x-api-key", "api-key", "x-goog-api-key",
      "cookie", "set-cookie", "openai-organization", "chatgpt-account-id"};
  return one_of(name, kSecret);
}

std::string without_credentials(std::string_view target) {
  const auto query = target.find('?');
  if (query == std::string_view::npos) return std::string(target);
  std::string out(target.substr(0, query + 1));
  std::string_view rest = target.substr(query + 1);
  bool first = true;
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    const std::string_view key = pair.substr(0, pair.find('='));
    if (!first) out += '&';
    first = false;
    if (same(key, "key") || same(key, "api_key") || same(key, "access_token")) out += std::string(key) + "=REDACTED";
    else out += pair;
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
  }
  return out;
}

}  // namespace landed
