# Turns one text file (demo data) into a C++ source defining
#   std::string_view huinong::ctl::FUNCTION()
# so huinongctl carries its demo data and needs no files beside it.
# Run at build time: cmake -DIN= -DOUT= -DFUNCTION= -P this-file
file(READ ${IN} text)
if(text MATCHES "\\)HNTEXT\"")
  message(FATAL_ERROR "${IN} contains the raw-string delimiter )HNTEXT\"")
endif()
file(WRITE ${OUT}.tmp "// Generated from ${IN} by embed_text.cmake. Do not edit.
#include <string_view>

namespace huinong::ctl {

std::string_view ${FUNCTION}() {
  static constexpr std::string_view kText = R\"HNTEXT(${text})HNTEXT\";
  return kText;
}

}  // namespace huinong::ctl
")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
