#include "runners/redact.h"

#include "harness/base/files.h"

namespace landed {

// Shorter values would match ordinary text and prove nothing; real keys are long.
constexpr size_t kMinSecretLength = 4;

std::string redact(std::string text, const std::vector<std::string>& secrets) {
  for (const std::string& secret : secrets) {
    if (secret.size() < kMinSecretLength) continue;
    for (size_t at = text.find(secret); at != std::string::npos;
         at = text.find(secret, at + 10)) {
      text.replace(at, secret.size(), "[redacted]");
    }
  }
  return text;
}

void redact_files(const std::vector<std::filesystem::path>& files,
                  const std::vector<std::string>& secrets) {
  if (secrets.empty()) return;
  for (const auto& file : files) {
    auto contents = read_file(file);
    if (!contents.ok()) continue;
    std::string scrubbed = redact(*contents, secrets);
    if (scrubbed != *contents) (void)write_file(file, scrubbed);
  }
}

}  // namespace landed
