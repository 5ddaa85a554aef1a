#include "runners/redact.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "harness/base/files.h"

namespace landed {
namespace {

constexpr std::string_view kRedacted = "[redacted]";
constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// The base64 characters that depend only on `secret` when it starts `offset` bytes into a
/// longer text: the part of the encoding that shows whatever surrounds the secret.
std::string base64_core(std::string_view secret, std::size_t offset) {
  std::string bytes(offset, '\0');
  bytes.append(secret);
  const std::size_t known_end_bits = bytes.size() * 8;
  bytes.append(2, '\0');
  std::string chars;
  for (std::size_t i = 0; i + 3 <= bytes.size(); i += 3) {
    const unsigned v = static_cast<unsigned char>(bytes[i]) << 16 |
                       static_cast<unsigned char>(bytes[i + 1]) << 8 |
                       static_cast<unsigned char>(bytes[i + 2]);
    for (int shift = 18; shift >= 0; shift -= 6) chars += kBase64[(v >> shift) & 0x3f];
  }
  // Character i covers bits [6i, 6i + 6): keep those wholly inside the secret's bits.
  const std::size_t first = (offset * 8 + 5) / 6;
  const std::size_t last = known_end_bits / 6;  // exclusive
  return last > first ? chars.substr(first, last - first) : std::string();
}

std::string url_safe(std::string text) {
  std::replace(text.begin(), text.end(), '+', '-');
  std::replace(text.begin(), text.end(), '/', '_');
  return text;
}

std::string percent_encoded(std::string_view secret, const char* hex) {
  std::string out;
  for (char c : secret) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += hex[byte >> 4];
      out += hex[byte & 0xf];
    }
  }
  return out;
}

/// Every form of `secret` worth scrubbing, longest first.
std::vector<std::string> forms_of(const std::string& secret) {
  std::set<std::string> forms{secret, percent_encoded(secret, "0123456789ABCDEF"),
                              percent_encoded(secret, "0123456789abcdef")};
  for (std::size_t offset = 0; offset < 3; ++offset) {
    std::string core = base64_core(secret, offset);
    // A fragment this short could match ordinary text by chance.
    if (core.size() < kMinSecretLength) continue;
    forms.insert(url_safe(core));
    forms.insert(std::move(core));
  }
  std::vector<std::string> sorted(forms.begin(), forms.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return sorted;
}

void replace_all(std::string& text, const std::string& form) {
  for (std::size_t at = text.find(form); at != std::string::npos;
       at = text.find(form, at + kRedacted.size())) {
    text.replace(at, form.size(), kRedacted);
  }
}

}  // namespace

std::string redact(std::string text, const std::vector<std::string>& secrets) {
  for (const std::string& secret : secrets) {
    if (secret.size() < kMinSecretLength) continue;
    for (const std::string& form : forms_of(secret)) replace_all(text, form);
  }
  return text;
}

void redact_files(const std::vector<std::filesystem::path>& files,
                  const std::vector<std::string>& secrets) {
  if (secrets.empty()) return;
  for (const auto& file : files) {
    std::error_code ec;
    // Only files landed wrote: a link is never followed into somewhere else.
    if (!std::filesystem::is_regular_file(std::filesystem::symlink_status(file, ec))) continue;
    auto contents = read_file(file);
    if (!contents.ok()) continue;
    std::string scrubbed = redact(*contents, secrets);
    if (scrubbed != *contents) (void)write_file(file, scrubbed);
  }
}

}  // namespace landed
