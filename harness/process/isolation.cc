#include "harness/process/isolation.h"

namespace landed {

std::string_view to_string(IsolationMode mode) {
  switch (mode) {
    case IsolationMode::kAuto: return "auto";
    case IsolationMode::kNamespaces: return "namespaces";
    case IsolationMode::kLandlock: return "landlock";
    case IsolationMode::kNone: return "none";
  }
  return "none";
}

Result<IsolationMode> parse_isolation_mode(std::string_view text) {
  for (IsolationMode mode : {IsolationMode::kAuto, IsolationMode::kNamespaces,
                             IsolationMode::kLandlock, IsolationMode::kNone})
    if (text == to_string(mode)) return mode;
  return make_error("unknown isolation \"{}\" (choose auto, namespaces, landlock or none)", text);
}

std::vector<std::string> missing_guarantees(IsolationMode mode, bool network_requested_off) {
  switch (mode) {
    case IsolationMode::kNamespaces: return {};
    case IsolationMode::kLandlock: {
      std::vector<std::string> missing = {"no pid namespace", "network shared"};
      if (network_requested_off) missing.back() = "network shared (network = \"none\" not enforced)";
      return missing;
    }
    default:
      return {"no file-system isolation", "no pid namespace", "network shared"};
  }
}

}  // namespace landed
