// Secrets never reach a file: whatever came from an agent or its sandbox (logs, the patch,
// record fields) is scrubbed of the values of env_from variables before landed writes it.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace landed {

/// env_from values shorter than this are refused at start: scrubbing them would garble
/// ordinary text, and not scrubbing them would leak them.
inline constexpr std::size_t kMinSecretLength = 8;

/// Replaces every occurrence of each secret in `text` with "[redacted]": the value itself, its
/// percent-encoded forms, and its base64 forms (standard and URL-safe alphabets, at each of
/// the three byte alignments the secret can have inside a longer encoded text: the characters
/// that depend on the secret alone). Secrets shorter than kMinSecretLength are skipped.
std::string redact(std::string text, const std::vector<std::string>& secrets);
/// Rewrites each existing regular file with its secrets redacted; missing files and symlinks
/// are skipped.
void redact_files(const std::vector<std::filesystem::path>& files,
                  const std::vector<std::string>& secrets);

}  // namespace landed
