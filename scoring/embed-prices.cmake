# cmake -DIN=prices.toml -DOUT=default_prices.cc -P embed-prices.cmake: writes the shipped price
# table as a raw string literal that default_prices_toml() returns (scoring/price_table.h).
# Run by the build (an add_custom_command in the top CMakeLists.txt) whenever
# scoring/prices.toml changes; the generated file lives in the build folder only.
file(READ ${IN} content)
string(FIND "${content}" ")PRICES\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${IN} contains the raw string delimiter )PRICES\"")
endif()
set(body "// Generated from scoring/prices.toml by scoring/embed-prices.cmake; do not edit.\n")
string(APPEND body "#include \"scoring/price_table.h\"\n\nnamespace landed {\n\n")
string(APPEND body "std::string_view default_prices_toml() {\n")
string(APPEND body "  static constexpr std::string_view kText = R\"PRICES(${content})PRICES\";\n")
string(APPEND body "  return kText;\n}\n\n}  // namespace landed\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUT}.tmp)
