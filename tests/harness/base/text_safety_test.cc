#include "harness/base/text_safety.h"

#include <gtest/gtest.h>

namespace landed {
namespace {

TEST(TextSafety, ValidUtf8IsAcceptedAndBrokenSequencesAreNot) {
  EXPECT_TRUE(is_valid_utf8("plain"));
  EXPECT_TRUE(is_valid_utf8("caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80"));
  EXPECT_FALSE(is_valid_utf8("bad\xff"));
  EXPECT_FALSE(is_valid_utf8("\xc3"));               // cut short
  EXPECT_FALSE(is_valid_utf8("\xc0\xaf"));           // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));       // a surrogate
  EXPECT_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));   // past U+10FFFF
}

TEST(TextSafety, PrintableShowsBadBytesAndControlsAsHex) {
  EXPECT_EQ(printable("bad\xff"), "bad\\xff");
  EXPECT_EQ(printable("a\x1b[2Jb"), "a\\x1b[2Jb");
  EXPECT_EQ(printable("caf\xc3\xa9"), "caf\xc3\xa9");
}

TEST(TextSafety, StripControlsRemovesEscapeSequencesStartersAndC1) {
  EXPECT_EQ(strip_controls("evil\x1b]0;pwned\x07\x1b[2J"), "evil]0;pwned[2J");
  EXPECT_EQ(strip_controls("a\xc2\x9b" "31mb"), "a31mb");   // the one-byte CSI, U+009B
  EXPECT_EQ(strip_controls("tab\tkept \xe2\x80\x94 too"), "tab\tkept \xe2\x80\x94 too");
  EXPECT_EQ(strip_controls("bad\xff"), "bad?");
  EXPECT_EQ(strip_controls("cr\rlf\n"), "crlf");
}

}  // namespace
}  // namespace landed
