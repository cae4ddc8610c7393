// The Background Intelligent Transfer Service's client log (a downloader
// malware uses too), as the catalog describes it. Sorted by event id, then
// provider.
#include "catalog/catalog_parts.hpp"

namespace evtxcar::catalog {

namespace {

constexpr std::string_view bits = "Microsoft-Windows-Bits-Client";

constexpr event_description entries[] = {
    {bits, 3, "BITS job {jobTitle} created by {jobOwner} ({processPath}, pid {processId})",
     "jobTitle,jobOwner,processPath,processId,jobId"},
    {bits, 4, "BITS job {jobTitle} of {jobOwner} completed: {fileCount} files, {bytesTransferred} bytes",
     "jobTitle,jobOwner,fileCount,bytesTransferred,jobId"},
    {bits, 5, "BITS job {jobTitle} of {jobOwner} was cancelled by {User}", "jobTitle,jobOwner,User,jobId"},
    {bits, 59, "BITS started transfer {name} from {url}", "name,url,fileLength"},
    {bits, 60, "BITS stopped transfer {name} from {url}: status {hr}", "name,url,hr,bytesTransferred"},
    {bits, 61, "BITS transfer {name} from {url} stopped on error {hr}", "name,url,hr,bytesTransferred"},
};

}  // namespace

std::span<const event_description> bits_events() { return entries; }

}  // namespace evtxcar::catalog
