// wordfreq [-n N] FILE: prints the N most frequent words of FILE.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "report.h"
#include "tokenize.h"

namespace {

int usage() {
  std::cerr << "usage: wordfreq [-n N] FILE\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t top_n = 10;
  int arg = 1;
  if (arg + 1 < argc && std::string(argv[arg]) == "-n") {
    char* end = nullptr;
    const long n = std::strtol(argv[arg + 1], &end, 10);
    if (*end != '\0' || n < 0) return usage();
    top_n = static_cast<std::size_t>(n);
    arg += 2;
  }
  if (arg + 1 != argc) return usage();
  std::ifstream in(argv[arg]);
  if (!in) {
    std::cerr << "wordfreq: cannot open " << argv[arg] << "\n";
    return 1;
  }
  std::stringstream text;
  text << in.rdbuf();
  std::cout << format_report(count_words(tokenize(text.str())), top_n);
  return 0;
}
