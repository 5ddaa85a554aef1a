// Secrets never reach a file: agent logs are scrubbed of the values of env_from variables.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace landed {

/// Replaces every occurrence of each secret (of 4+ characters) in `text` with "[redacted]".
std::string redact(std::string text, const std::vector<std::string>& secrets);
/// Rewrites each existing file with its secrets redacted; missing files are skipped.
void redact_files(const std::vector<std::filesystem::path>& files,
                  const std::vector<std::string>& secrets);

}  // namespace landed
