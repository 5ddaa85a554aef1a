#include "runners/landed_agent/http_transport.h"

#include <httplib.h>

#include <memory>

namespace landed::agent {
namespace {

constexpr int kConnectTimeoutS = 15;

std::optional<double> retry_after(const httplib::Response& response) {
  if (!response.has_header("retry-after")) return std::nullopt;
  try {
    return std::stod(response.get_header_value("retry-after"));
  } catch (const std::exception&) {  // an HTTP date: fall back to our own backoff
    return std::nullopt;
  }
}

}  // namespace

Result<BaseUrl> split_base_url(const std::string& url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos ||
      (url.compare(0, scheme_end, "http") != 0 && url.compare(0, scheme_end, "https") != 0))
    return make_error("base URL \"{}\" must start with http:// or https://", url);
  const auto path_start = url.find('/', scheme_end + 3);
  BaseUrl base;
  base.origin = url.substr(0, path_start);
  base.prefix = path_start == std::string::npos ? "" : url.substr(path_start);
  while (!base.prefix.empty() && base.prefix.back() == '/') base.prefix.pop_back();
  if (base.origin.size() <= scheme_end + 3) return make_error("base URL \"{}\" has no host", url);
  return base;
}

Result<Transport> make_http_transport(const std::string& base_url, double timeout_s) {
  LANDED_TRY(BaseUrl base, split_base_url(base_url));
  auto client = std::make_shared<httplib::Client>(base.origin);
  if (!client->is_valid()) return make_error("cannot make an HTTP client for \"{}\"", base.origin);
  client->set_connection_timeout(kConnectTimeoutS, 0);
  const auto seconds = static_cast<time_t>(timeout_s);
  client->set_read_timeout(seconds, 0);
  client->set_write_timeout(seconds, 0);
  return Transport([client, prefix = base.prefix](const std::string& path, const std::string& body,
                                                  const Headers& headers) -> Result<HttpReply> {
    httplib::Headers sent;
    for (const auto& [key, value] : headers) sent.emplace(key, value);
    auto response = client->Post(prefix + path, sent, body, "application/json");
    if (!response)
      return make_error("POST {}{}: {}", prefix, path, httplib::to_string(response.error()));
    return HttpReply{response->status, response->body, retry_after(*response)};
  });
}

}  // namespace landed::agent
