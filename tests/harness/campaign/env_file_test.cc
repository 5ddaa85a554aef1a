#include "harness/campaign/env_file.h"

#include <gtest/gtest.h>

namespace landed {
namespace {

TEST(EnvFile, MasksSecretNamesAndSecretValuesAndSorts) {
  const std::string text = env_file_text(
      {"PATH=/usr/bin", "OPENAI_API_KEY=sk-1", "GH_TOKEN=t", "DB_PASSWORD=p", "my_secret=s",
       "PLAIN=hunter2", "HOME=/tmp/h"},
      {"hunter2"});
  EXPECT_EQ(text,
            "DB_PASSWORD=***\nGH_TOKEN=***\nHOME=/tmp/h\nOPENAI_API_KEY=***\nPATH=/usr/bin\n"
            "PLAIN=***\nmy_secret=***\n");
}

}  // namespace
}  // namespace landed
