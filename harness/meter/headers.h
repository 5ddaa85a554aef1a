// Which headers the metering proxy passes on, and which it never writes down.
#pragma once

#include <string>
#include <string_view>

namespace landed {

/// Hop-by-hop and framing headers (and httplib's REMOTE_ADDR-style pseudo headers), which the
/// proxy sets itself on each side rather than copying.
bool is_hop_header(std::string_view name);
/// Headers that carry credentials (authorization, x-api-key, x-goog-api-key, cookies...).
bool is_credential_header(std::string_view name);
/// `target` with the values of credential query parameters (key, api_key, ...) replaced.
std::string without_credentials(std::string_view target);

}  // namespace landed
