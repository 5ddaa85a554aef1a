# Compiles the site's assets (results/site/assets/*) into landed as a generated .cc, so the
# binary publishes a complete site on its own. Included from the top CMakeLists.txt.
file(GLOB landed_site_assets CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/results/site/assets/*)
set(landed_site_assets_cc ${CMAKE_BINARY_DIR}/generated/site_assets.cc)
string(REPLACE ";" "|" landed_site_assets_arg "${landed_site_assets}")  # one argument
add_custom_command(
  OUTPUT ${landed_site_assets_cc}
  COMMAND ${CMAKE_COMMAND} -DOUT=${landed_site_assets_cc} "-DASSETS=${landed_site_assets_arg}"
          -P ${CMAKE_SOURCE_DIR}/results/site/embed-assets-script.cmake
  DEPENDS ${landed_site_assets} ${CMAKE_SOURCE_DIR}/results/site/embed-assets-script.cmake
  COMMENT "Embedding the site's assets" VERBATIM)
target_sources(landed_site PRIVATE ${landed_site_assets_cc})
