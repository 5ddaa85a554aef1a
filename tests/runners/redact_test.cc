#include "runners/redact.h"

#include <gtest/gtest.h>

namespace landed {
namespace {

const std::string kSecret = "sk-test-0123456789abcdef";

std::string base64(const std::string& bytes) {
  static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16 |
                 static_cast<unsigned char>(bytes[i + 1]) << 8 | static_cast<unsigned char>(bytes[i + 2]);
    for (int s = 18; s >= 0; s -= 6) out += alphabet[(v >> s) & 63];
  }
  if (i < bytes.size()) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += alphabet[(v >> 18) & 63];
    out += alphabet[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? alphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

TEST(Redact, ThePlainValueIsReplaced) {
  EXPECT_EQ(redact("key=" + kSecret + ";", {kSecret}), "key=[redacted];");
}

TEST(Redact, Base64AtEveryAlignmentLeavesNoRecognisableCore) {
  for (const std::string prefix : {"", "a", "ab", "abc", "{\"key\":\""}) {
    const std::string encoded = base64(prefix + kSecret + "\"}");
    const std::string scrubbed = redact("log: " + encoded + "\n", {kSecret});
    EXPECT_NE(scrubbed.find("[redacted]"), std::string::npos) << prefix << ": " << scrubbed;
    // What is left cannot be decoded back into the secret's middle.
    EXPECT_EQ(scrubbed.find(base64(kSecret).substr(4, 12)), std::string::npos) << scrubbed;
  }
}

TEST(Redact, UrlEncodedFormsAreReplaced) {
  const std::string secret = "p@ss/word+with spaces";
  EXPECT_EQ(redact("u=p%40ss%2Fword%2Bwith%20spaces&x", {secret}), "u=[redacted]&x");
  EXPECT_EQ(redact("u=p%40ss%2fword%2bwith%20spaces&x", {secret}), "u=[redacted]&x");
}

TEST(Redact, ShortValuesAreNotTouched) {
  EXPECT_EQ(redact("abc abc", {"abc"}), "abc abc");
}

}  // namespace
}  // namespace landed
