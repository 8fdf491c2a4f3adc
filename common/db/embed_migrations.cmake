# Turns a folder of NNNN_name.sql files into a C++ source defining
#   const huinong::db::MigrationSet& NAMESPACE::FUNCTION()
# so that a service binary carries its own schema (no files to mount in a pod).
# Run at build time: cmake -DDIR= -DOUT= -DNAMESPACE= -DFUNCTION= -DCOMPONENT= -P this-file
file(GLOB files RELATIVE ${DIR} ${DIR}/*.sql)
list(SORT files)
set(entries "")
foreach(f ${files})
  if(NOT f MATCHES "^([0-9]+)_([a-z0-9_]+)\\.sql$")
    message(FATAL_ERROR "migration file name must be NNNN_name.sql: ${f}")
  endif()
  string(REGEX REPLACE "^0+" "" version "${CMAKE_MATCH_1}")
  if(version STREQUAL "")
    message(FATAL_ERROR "migration version must be positive: ${f}")
  endif()
  string(REGEX REPLACE "\\.sql$" "" name "${f}")
  file(READ ${DIR}/${f} sql)
  string(APPEND entries "      {${version}, \"${name}\", R\"HNSQL(${sql})HNSQL\"},\n")
endforeach()
set(content "// Generated from ${DIR} by embed_migrations.cmake. Do not edit.
#include \"common/db/migrations.h\"

namespace ${NAMESPACE} {

const huinong::db::MigrationSet& ${FUNCTION}() {
  static const huinong::db::MigrationSet* set = new huinong::db::MigrationSet{
    \"${COMPONENT}\", {
${entries}    }};
  return *set;
}

}  // namespace ${NAMESPACE}
")
file(WRITE ${OUT}.tmp "${content}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
