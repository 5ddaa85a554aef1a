// One call through the metering proxy: the request goes to the attempt's upstream unchanged
// (but for hop-by-hop headers and Accept-Encoding, which asks for an identity body so usage can
// be read), and the reply streams back chunk by chunk while its usage is read on the way.
// The call is recorded in the attempt's meter once the reply ended or the agent hung up.
#pragma once

#include <memory>
#include <string>

#include <httplib.h>

#include "harness/meter/attempt_meter.h"
#include "harness/meter/client_pool.h"

namespace landed {

struct ForwardContext {
  std::shared_ptr<AttemptMeter> meter;
  ClientPool* pool = nullptr;
  bool keep_traffic = false;
};

/// `target`: the request's path and query after the attempt prefix ("/v1/messages?beta=true").
/// Blocks until the upstream's status and headers arrived (or it failed: then 502 and a JSON body
/// naming the upstream); the body is then streamed by httplib through a chunked content provider.
void forward_call(const httplib::Request& request, const std::string& target,
                  httplib::Response& response, const ForwardContext& context);

/// Answers a call the proxy refuses (a limit was reached) with HTTP 429 and an error body in
/// the wire format's own shape, naming the limit; no Retry-After. Records it in the meter.
void refuse_call(const httplib::Request& request, const std::string& target, const Refusal& refusal,
                 httplib::Response& response, AttemptMeter& meter);

}  // namespace landed
