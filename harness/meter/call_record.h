// One model call (or other request) as the metering proxy forwarded it.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "harness/meter/wire_usage.h"

namespace landed {

struct CallRecord {
  std::string method;
  std::string path;                 // after the attempt prefix, without the query
  WireFormat format = WireFormat::kNone;
  int status = 0;                   // the upstream's HTTP status; 0 when it never answered
  bool refused = false;             // the proxy refused it (429): a limit was reached
  std::string error;                // why the upstream never answered, or why it was refused
  bool client_gone = false;         // the agent hung up before the reply was complete
  CallUsage usage;
  std::string request_model;        // the request's own model (fallback when the reply has none)
  std::optional<double> ttfb_s;     // to the first byte of the reply body
  double total_s = 0;
  /// Only with --keep-traffic: credentials are removed before anything is written.
  std::vector<std::pair<std::string, std::string>> request_headers;
  std::string request_body;
  std::string response_body;

  bool model_call() const { return format != WireFormat::kNone; }
  /// The reply's model, else the request's, else "unknown".
  std::string model() const;
};

}  // namespace landed
