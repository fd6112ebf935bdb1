#include "MasterReportFile.h"

#include "IO/AtomicTextFile.h"
#include "Session/GuardedJson.h"

#include <cmath>

namespace crest
{
namespace
{
    nlohmann::ordered_json level (double v)
    {
        return std::isfinite (v) ? nlohmann::ordered_json (std::round (v * 100) / 100) : nlohmann::ordered_json();
    }

    nlohmann::ordered_json readingJson (const LoudnessReading& m)
    {
        return { { "integratedLufs", level (m.integratedLufs) }, { "loudnessRangeLu", level (m.loudnessRangeLu) },
                 { "truePeakDbtp", level (m.truePeakDbtp) }, { "maxShortTermLufs", level (m.maxShortTermLufs) }, { "plrLu", level (m.plrLu()) } };
    }

    constexpr size_t maxReportBytes = 4 * 1024 * 1024;
} // namespace

nlohmann::ordered_json moduleActivityJson (const std::vector<ModuleActivity>& modules)
{
    auto list = nlohmann::ordered_json::array();
    for (const auto& m : modules)
    {
        nlohmann::ordered_json j { { "id", m.id }, { "kind", m.kind }, { "name", m.name }, { "enabled", m.enabled } };
        j["reduction"] = nlohmann::ordered_json::array();
        for (const auto& r : m.reduction)
            j["reduction"].push_back ({ { "label", r.label }, { "deepestDb", level (r.deepestDb) }, { "averageDb", level (r.averageDb) },
                                        { "activeShare", std::round (r.activeShare * 1000) / 1000 } });
        list.push_back (j);
    }
    return list;
}

nlohmann::ordered_json masteringJson (const MasterReport& report)
{
    return { { "limiterGainDb", level (report.gainDb) }, { "deepestLimitingDb", level (report.maxLimitingDb) },
             { "passes", report.passes }, { "latencySamples", report.latencySamples }, { "warnings", report.warnings },
             { "modules", moduleActivityJson (report.modules) } };
}

std::filesystem::path masterReportFileFor (const std::filesystem::path& master)
{
    return master.string() + ".report.json";
}

void writeMasterReport (const std::filesystem::path& file, const MasterRequest& request, const MasterReport& report)
{
    nlohmann::ordered_json json;
    json["input"] = request.input.string();
    json["file"] = request.output.string();
    json["before"] = readingJson (report.before);
    json["after"] = readingJson (report.after);
    json["limiterCeilingDbtp"] = level (report.ceilingDbtp);
    json["mastering"] = masteringJson (report);
    saveTextAtomically (file, json.dump (2) + "\n");
}

std::optional<std::vector<ModuleActivity>> readModuleActivity (const std::filesystem::path& master)
{
    const auto file = masterReportFileFor (master);
    std::error_code ec;
    if (! std::filesystem::is_regular_file (file, ec))
        return std::nullopt;
    try
    {
        const auto json = parseGuardedJson (loadTextFile (file, maxReportBytes), file.string(), "a master's report");
        std::vector<ModuleActivity> modules;
        for (const auto& m : json.at ("mastering").at ("modules"))
        {
            ModuleActivity a;
            a.id = m.at ("id").get<std::string>();
            a.kind = m.at ("kind").get<std::string>();
            a.name = m.at ("name").get<std::string>();
            a.enabled = m.at ("enabled").get<bool>();
            for (const auto& r : m.at ("reduction"))
                a.reduction.push_back ({ r.at ("label").get<std::string>(), r.at ("deepestDb").get<double>(), r.at ("averageDb").get<double>(),
                                         r.at ("activeShare").get<double>() });
            modules.push_back (a);
        }
        return modules;
    }
    catch (const std::exception&)
    {
        return std::nullopt;
    }
}
} // namespace crest
