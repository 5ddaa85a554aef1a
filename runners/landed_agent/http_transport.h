// HTTP(S) POSTs of JSON to a model API's base URL (cpp-httplib with OpenSSL; the system's
// CA certificates, or SSL_CERT_FILE). Behind a function type so the loop is tested without it.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "harness/base/error.h"
#include "runners/landed_agent/model_api.h"

namespace landed::agent {

/// An HTTP answer, whatever its status.
struct HttpReply {
  int status = 0;
  std::string body;
  std::optional<double> retry_after_s;  // the Retry-After header, in seconds
};

/// Posts `body` (JSON) to base URL + `path`. An Error means no HTTP answer at all (connection
/// refused, reset, timed out, TLS failure).
using Transport = std::function<Result<HttpReply>(const std::string& path, const std::string& body,
                                                  const Headers& headers)>;

/// "scheme://host[:port]" and the path prefix of a base URL ("https://x/v1" -> "/v1").
struct BaseUrl {
  std::string origin;
  std::string prefix;
};
Result<BaseUrl> split_base_url(const std::string& url);

Result<Transport> make_http_transport(const std::string& base_url, double timeout_s);

}  // namespace landed::agent
