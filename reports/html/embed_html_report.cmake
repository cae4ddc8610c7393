# Builds the C++ header that carries report.html's static parts.
#
# Run as a script:
#   cmake -DTEMPLATE=... -DSTYLE=... -DSCRIPTS=a.js|b.js|... -DOUTPUT=... -P embed_html_report.cmake
#
# The template names three places:
#   @EVTXCAR_CSP@     the Content-Security-Policy: only the inline style and
#                     script below may apply, identified by their SHA-256
#   @EVTXCAR_STYLE@   report.css, verbatim
#   @EVTXCAR_SCRIPT@  the script parts (reports/html/script/), in the order
#                     given, inside one function in strict mode: they share
#                     its scope and nothing reaches the page's globals
# and one marker, <!--evtxcar:data-->, where the writer puts the data. The
# header holds the page before the marker and the page after it.

foreach(input TEMPLATE STYLE SCRIPTS OUTPUT)
  if(NOT DEFINED ${input})
    message(FATAL_ERROR "embed_html_report.cmake: ${input} not set")
  endif()
endforeach()

file(READ "${TEMPLATE}" page)
file(READ "${STYLE}" style)
string(REPLACE "|" ";" script_parts "${SCRIPTS}")
set(script "(() => {\n'use strict';\n")
foreach(part IN LISTS script_parts)
  file(READ "${part}" part_text)
  get_filename_component(part_name "${part}" NAME)
  string(APPEND script "\n// ---- ${part_name}\n${part_text}")
endforeach()
string(APPEND script "})();\n")

# A stylesheet or script that contained its own end tag would end early.
string(TOLOWER "${style}" style_lower)
string(TOLOWER "${script}" script_lower)
string(FIND "${style_lower}" "</style" style_end)
string(FIND "${script_lower}" "</script" script_end)
if(NOT style_end EQUAL -1 OR NOT script_end EQUAL -1)
  message(FATAL_ERROR "report.css must not contain </style, the script parts must not contain </script")
endif()

# CSP wants base64 of the raw digest; CMake gives hex. 6 hex digits -> 4 characters.
function(hex_to_base64 hex out_var)
  set(alphabet "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
  string(LENGTH "${hex}" hex_length)
  math(EXPR padding "(3 - (${hex_length} / 2) % 3) % 3")
  string(REPEAT "00" ${padding} zero_bytes)
  string(APPEND hex "${zero_bytes}")
  string(LENGTH "${hex}" hex_length)
  set(encoded "")
  set(position 0)
  while(position LESS hex_length)
    string(SUBSTRING "${hex}" ${position} 6 group)
    math(EXPR bits "0x${group}")
    foreach(shift 18 12 6 0)
      math(EXPR index "(${bits} >> ${shift}) & 63")
      string(SUBSTRING "${alphabet}" ${index} 1 character)
      string(APPEND encoded "${character}")
    endforeach()
    math(EXPR position "${position} + 6")
  endwhile()
  string(LENGTH "${encoded}" encoded_length)
  math(EXPR kept "${encoded_length} - ${padding}")
  string(SUBSTRING "${encoded}" 0 ${kept} encoded)
  string(REPEAT "=" ${padding} padding_characters)
  string(APPEND encoded "${padding_characters}")
  set(${out_var} "${encoded}" PARENT_SCOPE)
endfunction()

string(SHA256 style_hex "${style}")
string(SHA256 script_hex "${script}")
hex_to_base64("${style_hex}" style_hash)
hex_to_base64("${script_hex}" script_hash)
set(csp "default-src 'none'; style-src 'sha256-${style_hash}'; script-src 'sha256-${script_hash}'; base-uri 'none'; form-action 'none'")

string(FIND "${page}" "@EVTXCAR_STYLE@" has_style)
string(FIND "${page}" "@EVTXCAR_SCRIPT@" has_script)
string(FIND "${page}" "@EVTXCAR_CSP@" has_csp)
if(has_style EQUAL -1 OR has_script EQUAL -1 OR has_csp EQUAL -1)
  message(FATAL_ERROR "report_template.html lacks @EVTXCAR_STYLE@, @EVTXCAR_SCRIPT@ or @EVTXCAR_CSP@")
endif()
string(REPLACE "@EVTXCAR_CSP@" "${csp}" page "${page}")
string(REPLACE "@EVTXCAR_STYLE@" "${style}" page "${page}")
string(REPLACE "@EVTXCAR_SCRIPT@" "${script}" page "${page}")

set(marker "<!--evtxcar:data-->")
string(FIND "${page}" "${marker}" marker_at)
string(FIND "${page}" "${marker}" marker_last REVERSE)
if(marker_at EQUAL -1 OR NOT marker_at EQUAL marker_last)
  message(FATAL_ERROR "report_template.html must contain ${marker} exactly once")
endif()
string(LENGTH "${marker}" marker_length)
math(EXPR after_at "${marker_at} + ${marker_length}")
string(SUBSTRING "${page}" 0 ${marker_at} before)
string(SUBSTRING "${page}" ${after_at} -1 after)

set(delimiter "evtxcar_page")
string(FIND "${page}" ")${delimiter}\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "the report's static parts contain the raw-string delimiter )${delimiter}\"")
endif()

# A text as raw string literals of at most 60,000 bytes each, cut after a
# line end (never inside a character): compilers need not take literals
# longer than 65,536 (Clang warns), and the page is longer.
function(as_literals text out_var)
  set(literals "")
  string(LENGTH "${text}" left)
  while(left GREATER 0)
    if(left GREATER 60000)
      string(SUBSTRING "${text}" 0 60000 piece)
      string(FIND "${piece}" "\n" line_end REVERSE)
      if(line_end EQUAL -1)
        message(FATAL_ERROR "embed_html_report.cmake: a line of the report's static parts is over 60,000 bytes")
      endif()
      math(EXPR cut "${line_end} + 1")
      string(SUBSTRING "${text}" 0 ${cut} piece)
      string(SUBSTRING "${text}" ${cut} -1 text)
    else()
      set(piece "${text}")
      set(text "")
    endif()
    string(APPEND literals "    R\"${delimiter}(${piece})${delimiter}\",\n")
    string(LENGTH "${text}" left)
  endwhile()
  if(literals STREQUAL "")
    set(literals "    \"\",\n")
  endif()
  set(${out_var} "${literals}" PARENT_SCOPE)
endfunction()
as_literals("${before}" before_literals)
as_literals("${after}" after_literals)

set(header "#pragma once\n// Generated by reports/html/embed_html_report.cmake from reports/html/. Do not edit.\n\n")
string(APPEND header "#include <string_view>\n\nnamespace evtxcar::html_report_page {\n\n")
string(APPEND header "// The page up to the place of the data, and from there to its end, each in parts written one after another.\n")
string(APPEND header "inline constexpr std::string_view before_data[] = {\n${before_literals}};\n")
string(APPEND header "inline constexpr std::string_view after_data[] = {\n${after_literals}};\n")
string(APPEND header "inline constexpr std::string_view content_security_policy = \"${csp}\";\n")
string(APPEND header "\n}  // namespace evtxcar::html_report_page\n")

# Rewrite only on change, so that dependents do not rebuild for nothing.
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" previous)
  if(previous STREQUAL header)
    return()
  endif()
endif()
file(WRITE "${OUTPUT}" "${header}")
