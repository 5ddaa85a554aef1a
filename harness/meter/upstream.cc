#include "harness/meter/upstream.h"

#include <charconv>

namespace landed {

std::string Upstream::origin() const { return fmt::format("{}://{}:{}", scheme, host, port); }

std::string Upstream::text() const { return origin() + prefix; }

Result<Upstream> parse_upstream(const std::string& url) {
  Upstream upstream;
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos)
    return make_error("upstream \"{}\" is not a URL: write it as https://host[:port][/path]", url);
  upstream.scheme = url.substr(0, scheme_end);
  if (upstream.scheme != "http" && upstream.scheme != "https")
    return make_error("upstream \"{}\": the scheme must be http or https", url);
  std::string rest = url.substr(scheme_end + 3);
  if (rest.find_first_of("?#@") != std::string::npos)
    return make_error("upstream \"{}\" must not have a query, fragment or user name", url);
  const auto slash = rest.find('/');
  std::string authority = rest.substr(0, slash);
  upstream.prefix = slash == std::string::npos ? "" : rest.substr(slash);
  while (!upstream.prefix.empty() && upstream.prefix.back() == '/') upstream.prefix.pop_back();
  upstream.port = upstream.scheme == "https" ? 443 : 80;
  const auto colon = authority.rfind(':');
  if (colon != std::string::npos && authority.find(']', colon) == std::string::npos) {
    const std::string port = authority.substr(colon + 1);
    auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), upstream.port);
    if (error != std::errc() || end != port.data() + port.size() || upstream.port < 1 ||
        upstream.port > 65535)
      return make_error("upstream \"{}\": bad port \"{}\"", url, port);
    authority = authority.substr(0, colon);
  }
  if (authority.empty()) return make_error("upstream \"{}\" has no host", url);
  upstream.host = authority;
  return upstream;
}

}  // namespace landed
