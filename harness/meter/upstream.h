// Where the metering proxy forwards an attempt's calls: an http(s) origin and a path prefix.
#pragma once

#include <string>

#include "harness/base/error.h"

namespace landed {

struct Upstream {
  std::string scheme;   // http or https
  std::string host;
  int port = 0;
  std::string prefix;   // path prepended to every forwarded path, no trailing '/'; may be empty
  std::string origin() const;   // scheme://host:port
  std::string text() const;     // origin + prefix
};

/// Parses "https://api.anthropic.com", "http://127.0.0.1:8080/v1", ... (no query, no user info).
Result<Upstream> parse_upstream(const std::string& url);

}  // namespace landed
