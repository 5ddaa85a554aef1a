// OutputStream and LineSplitter on their own: caps, overlong lines, the stop request.
#include "harness/process/output_stream.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <optional>

#include "tests/harness/process/process_test_support.h"

namespace landed {
namespace {

std::vector<std::string> split(const std::vector<std::string>& chunks, std::size_t max_line,
                               const std::optional<std::string>& stop_at = {}) {
  std::vector<std::string> lines;
  LineSplitter splitter(
      [&](std::string_view line) {
        lines.emplace_back(line);
        return !stop_at || line != *stop_at;
      },
      max_line);
  for (const std::string& chunk : chunks) splitter.feed(chunk);
  splitter.finish();
  return lines;
}

TEST(LineSplitter, JoinsLinesSplitAcrossChunks) {
  EXPECT_EQ(split({"ab", "c\nd", "e\n\nf"}, 100), (std::vector<std::string>{"abc", "de", "", "f"}));
}

TEST(LineSplitter, CutsAnOverlongLineAtTheLimitAndGoesOn) {
  EXPECT_EQ(split({"0123456789", "abc\nok\n"}, 4), (std::vector<std::string>{"0123", "ok"}));
}

TEST(LineSplitter, CallsNoMoreAfterTheCallbackSaysStop) {
  EXPECT_EQ(split({"a\nstop\nb\nc"}, 100, "stop"), (std::vector<std::string>{"a", "stop"}));
}

TEST(OutputStream, WritesUpToTheCapCountsEverythingAndSeesEndOfFile) {
  testing::ScratchDir scratch;
  int fds[2];
  ASSERT_EQ(pipe2(fds, O_CLOEXEC | O_NONBLOCK), 0);
  UniqueFd write_end(fds[1]);
  const auto path = scratch / "log.txt";
  UniqueFd file(open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
  std::vector<std::string> lines;
  OutputStream stream{UniqueFd(fds[0]), std::move(file), path, 5, [&](std::string_view line) {
                        lines.emplace_back(line);
                        return true;
                      }};
  ASSERT_EQ(write(write_end.get(), "abc\ndefgh\nij", 12), 12);
  write_end.reset();
  while (stream.open()) stream.read_available();
  stream.finish();
  EXPECT_EQ(stream.bytes_seen(), 12);
  EXPECT_TRUE(stream.truncated());
  EXPECT_EQ(testing::read_text(path), "abc\nd");
  EXPECT_EQ(lines, (std::vector<std::string>{"abc", "defgh", "ij"}));
}

TEST(LineSplitterCuts, AnOverlongLineIsDeliveredCutAndCounted) {
  std::vector<std::string> lines;
  LineSplitter splitter([&](std::string_view line) { lines.emplace_back(line); return true; }, 8);
  splitter.feed("short\n");
  splitter.feed("0123456789");
  splitter.feed("abcdef\nok\n");
  splitter.finish();
  EXPECT_EQ(lines, (std::vector<std::string>{"short", "01234567", "ok"}));
  EXPECT_EQ(splitter.cut_lines(), 1);
}

}  // namespace
}  // namespace landed
