#include "harness/sandbox/git_handles.h"

#include <string>

namespace landed::git {

Error error(std::string_view call, std::string_view subject) {
  const git_error* last = git_error_last();
  const char* why = (last != nullptr && last->message != nullptr) ? last->message : "unknown error";
  if (subject.empty()) return make_error("{} failed: {}", call, why);
  return make_error("{}({}) failed: {}", call, subject, why);
}

Status check(int rc, std::string_view call, std::string_view subject) {
  if (rc < 0) return error(call, subject);
  return ok_status();
}

std::string oid_hex(const git_oid& oid) {
  char hex[GIT_OID_HEXSZ + 1] = {};
  git_oid_tostr(hex, sizeof hex, &oid);
  return hex;
}

Result<git_oid> parse_oid(const std::string& hex, std::string_view what) {
  git_oid oid;
  if (hex.size() != GIT_OID_HEXSZ || git_oid_fromstr(&oid, hex.c_str()) < 0)
    return make_error("{}: '{}' is not a 40-hex object id", what, hex);
  return oid;
}

}  // namespace landed::git
