#include "ChangeReport.h"

#include "Core/CrestError.h"
#include "Core/UtcTime.h"
#include "Mastering/MasterReportFile.h"

#include <cmath>

namespace crest
{
ChangeReport makeChangeReport (const ChangeReportRequest& request)
{
    auto progress = [&] (double from, double to) {
        return [&request, from, to] (double f) {
            if (request.progress)
                request.progress (from + (to - from) * f);
        };
    };
    ChangeReport report;
    report.mixName = request.mixName.empty() ? request.mix.filename().string() : request.mixName;
    report.masterName = request.masterName.empty() ? request.master.filename().string() : request.masterName;
    report.chainName = request.chainName;
    report.dateUtc = utcNow();
    auto measure = [&] (const std::filesystem::path& file, double from, double to) {
        auto a = analyzeFile (file, ChannelCounting::asLaidOut, progress (from, to), BalanceMeasurement::measure);
        if (a.info.channels > 2)
            throw CrestError (file, "has " + std::to_string (a.info.channels) + " channels; the report compares stereo or mono programmes");
        return a;
    };
    report.mix = measure (request.mix, 0.0, 0.3);
    report.master = measure (request.master, 0.3, 0.6);
    if (report.mix.info.sampleRate != report.master.info.sampleRate)
        throw CrestError (request.master, "is at " + std::to_string ((int) report.master.info.sampleRate) + " Hz and the mix at "
                                              + std::to_string ((int) report.mix.info.sampleRate) + " Hz; compare them at one rate");
    report.rows = compareProgrammes (report.mix, report.master);
    report.matchGainDb = report.mix.loudness.integratedLufs - report.master.loudness.integratedLufs;
    report.alignment = alignFiles (request.mix, request.master);
    report.modules = request.modules ? request.modules : readModuleActivity (request.master);
    report.excerpt = makeReportExcerpt (request.mix, request.master, report.alignment.offsetFrames, report.matchGainDb,
                                        request.excerptSeconds, std::filesystem::temp_directory_path(), progress (0.6, 1.0));
    return report;
}
} // namespace crest
