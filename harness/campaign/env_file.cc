#include "harness/campaign/env_file.h"

#include <algorithm>
#include <cctype>

#include "harness/base/files.h"

namespace landed {

bool is_secret_name(std::string_view name) {
  std::string upper(name);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (std::string_view word : {"KEY", "TOKEN", "SECRET", "PASSWORD"})
    if (upper.find(word) != std::string::npos) return true;
  return false;
}

std::string env_file_text(const std::vector<std::string>& env,
                          const std::vector<std::string>& secret_values) {
  std::vector<std::string> lines;
  for (const std::string& entry : env) {
    const auto eq = entry.find('=');
    if (eq == std::string::npos) continue;
    const std::string name = entry.substr(0, eq);
    const std::string value = entry.substr(eq + 1);
    const bool secret = is_secret_name(name) ||
                        (!value.empty() && std::find(secret_values.begin(), secret_values.end(),
                                                     value) != secret_values.end());
    lines.push_back(name + "=" + (secret ? std::string("***") : value));
  }
  std::sort(lines.begin(), lines.end());
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  return text;
}

Status write_env_file(const std::filesystem::path& path, const std::vector<std::string>& env,
                      const std::vector<std::string>& secret_values) {
  return write_file(path, env_file_text(env, secret_values));
}

}  // namespace landed
