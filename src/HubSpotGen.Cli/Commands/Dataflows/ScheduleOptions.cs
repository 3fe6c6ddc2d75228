using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using HubSpotGen.FlowService;

namespace HubSpotGen.Cli.Commands.Dataflows;

/// <summary>
/// <c>--frequency</c>, <c>--interval</c> and <c>--start</c>, and the schedule they make. Each value is parsed here, so
/// a value that is not one is a usage error before anything is sent; the rules between them are checked by
/// <see cref="TryBuild"/>, also before anything is sent.
/// </summary>
internal static class ScheduleOptions
{
    /// <summary>The interval a recurring frequency gets when <c>--interval</c> is left out: the shortest the service allows.</summary>
    public static int DefaultInterval(DataflowFrequency frequency) => frequency == DataflowFrequency.Minute ? DataflowSchedule.MinimumMinuteInterval : 1;

    public const string IntervalRules =
        "once takes no interval; minute needs at least 15, hour, day and week at least 1; left out, a recurring frequency gets 15 for minute and 1 otherwise";

    public static Option<DataflowFrequency?> Frequency(string description) => new("--frequency")
    {
        Description = description,
        HelpName = "once|minute|hour|day|week",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
            var frequency = text.ToLowerInvariant() switch
            {
                "once" => DataflowFrequency.Once,
                "minute" => DataflowFrequency.Minute,
                "hour" => DataflowFrequency.Hour,
                "day" => DataflowFrequency.Day,
                "week" => DataflowFrequency.Week,
                _ => (DataflowFrequency?)null,
            };
            if (frequency is null)
            {
                result.AddError($"--frequency must be once, minute, hour, day or week, not '{text}'");
            }

            return frequency;
        },
    };

    public static Option<int?> Interval() => new("--interval")
    {
        Description = "Units of --frequency between runs: " + IntervalRules + ".",
        HelpName = "N",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var interval) && interval >= 1)
            {
                return interval;
            }

            result.AddError($"--interval must be a whole number of at least 1, not '{text}'");
            return null;
        },
    };

    public static Option<DateTimeOffset?> Start() => new("--start")
    {
        Description = "The first run's time: ISO 8601 such as 2026-12-01T09:30:00Z or 2026-12-01T10:30:00+01:00 (a time without an offset is UTC), " +
            "or whole seconds since the Unix epoch such as 1796117400; now when left out.",
        HelpName = "TIME",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
            if (TryParseStart(text, out var start))
            {
                return start;
            }

            result.AddError($"--start must be an ISO 8601 time such as 2026-12-01T09:30:00Z or whole seconds since the Unix epoch, not '{text}'");
            return null;
        },
    };

    // ISO 8601's extended forms, and nothing looser: DateTimeOffset.TryParse would also take "12/01/2026", whose
    // day and month depend on who reads it.
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd",
    ];

    /// <summary>An ISO 8601 time (UTC unless it has an offset or Z), or whole seconds since the Unix epoch.</summary>
    public static bool TryParseStart(string text, out DateTimeOffset start)
    {
        if (text.Length > 0 && text.All(char.IsAsciiDigit))
        {
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            {
                start = DateTimeOffset.FromUnixTimeSeconds(seconds);
                return true;
            }

            start = default;
            return false;
        }

        return DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out start);
    }

    /// <summary>
    /// The schedule, or the reason there is none: once takes no interval, a recurring frequency gets its default
    /// interval when none is given, and minute needs at least 15.
    /// </summary>
    public static bool TryBuild(DataflowFrequency frequency, int? interval, DateTimeOffset start, out DataflowSchedule schedule, out string problem)
    {
        schedule = DataflowSchedule.Once(start);
        problem = "";
        if (start.ToUnixTimeSeconds() < 0)
        {
            problem = "--start must not be before 1970-01-01T00:00:00Z";
            return false;
        }

        if (frequency == DataflowFrequency.Once)
        {
            if (interval is not null)
            {
                problem = "--interval is only for a recurring --frequency (minute, hour, day or week): once runs one time";
                return false;
            }

            return true;
        }

        var units = interval ?? DefaultInterval(frequency);
        if (units < DefaultInterval(frequency))
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"--interval must be at least {DefaultInterval(frequency)} for --frequency {Name(frequency)}, not {units}");
            return false;
        }

        schedule = DataflowSchedule.Every(frequency, units, start);
        return true;
    }

    public static string Name(DataflowFrequency frequency) => frequency.ToString().ToLowerInvariant();
}
