using HubSpotGen.FlowService.Models;
using System.Globalization;

namespace HubSpotGen.FlowService;

/// <summary>When a dataflow runs: from <paramref name="StartTime"/>, once or every <paramref name="Interval"/> units of <paramref name="Frequency"/>.</summary>
/// <param name="Frequency">The unit of the schedule.</param>
/// <param name="StartTime">The first run's time; sent as whole seconds since the Unix epoch.</param>
/// <param name="Interval">Units between runs: none for <see cref="DataflowFrequency.Once"/>, at least 15 for <see cref="DataflowFrequency.Minute"/>, at least 1 otherwise.</param>
/// <param name="Backfill">Whether the first run also reads records from before the start time; none for <see cref="DataflowFrequency.Once"/>, and left out of the request when null.</param>
public sealed record DataflowSchedule(DataflowFrequency Frequency, DateTimeOffset StartTime, int? Interval = null, bool? Backfill = null)
{
    /// <summary>The smallest interval of a schedule by the minute.</summary>
    public const int MinimumMinuteInterval = 15;

    /// <summary>One run at <paramref name="startTime"/>.</summary>
    /// <param name="startTime">The run's time.</param>
    /// <returns>A schedule of frequency <see cref="DataflowFrequency.Once"/>.</returns>
    public static DataflowSchedule Once(DateTimeOffset startTime) => new(DataflowFrequency.Once, startTime);

    /// <summary>A run every <paramref name="interval"/> units of <paramref name="frequency"/>, from <paramref name="startTime"/>.</summary>
    /// <param name="frequency">The unit; not <see cref="DataflowFrequency.Once"/>.</param>
    /// <param name="interval">Units between runs.</param>
    /// <param name="startTime">The first run's time.</param>
    /// <param name="backfill">Whether the first run also reads older records; null leaves it to the service.</param>
    /// <returns>The schedule; <see cref="Validate"/> checks it.</returns>
    public static DataflowSchedule Every(DataflowFrequency frequency, int interval, DateTimeOffset startTime, bool? backfill = null) =>
        new(frequency, startTime, interval, backfill);

    /// <summary>Throws for a schedule the service would only refuse.</summary>
    /// <exception cref="ArgumentException">
    /// The frequency is not one of <see cref="DataflowFrequency"/>'s values; <see cref="DataflowFrequency.Once"/> has an
    /// interval or backfill; another frequency has no interval, or one below its minimum (15 for minutes, 1 otherwise);
    /// or the start time is before the Unix epoch.
    /// </exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Frequency))
        {
            throw new ArgumentException($"The frequency {(int)Frequency} is not one of once, minute, hour, day, week.", nameof(Frequency));
        }

        if (StartTime.ToUnixTimeSeconds() < 0)
        {
            throw new ArgumentException("The start time must not be before 1970-01-01T00:00:00Z.", nameof(StartTime));
        }

        if (Frequency == DataflowFrequency.Once)
        {
            if (Interval is not null || Backfill is not null)
            {
                throw new ArgumentException("A schedule of frequency once takes no interval and no backfill.", Interval is not null ? nameof(Interval) : nameof(Backfill));
            }

            return;
        }

        var minimum = Frequency == DataflowFrequency.Minute ? MinimumMinuteInterval : 1;
        if (Interval is not { } interval)
        {
            throw new ArgumentException($"A schedule of frequency {WireName(Frequency)} needs an interval of at least {minimum}.", nameof(Interval));
        }

        if (interval < minimum)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"A schedule of frequency {WireName(Frequency)} needs an interval of at least {minimum}; {interval} was given."),
                nameof(Interval));
        }
    }

    /// <summary>The frequency as the service spells it: lower case.</summary>
    internal static string WireName(DataflowFrequency frequency) => frequency switch
    {
        DataflowFrequency.Once => "once",
        DataflowFrequency.Minute => "minute",
        DataflowFrequency.Hour => "hour",
        DataflowFrequency.Day => "day",
        DataflowFrequency.Week => "week",
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "Not a frequency."),
    };

    /// <summary>The frequency the service named, or null for a value this library does not know.</summary>
    internal static DataflowFrequency? FromWireName(string? name) => name?.ToLowerInvariant() switch
    {
        "once" => DataflowFrequency.Once,
        "minute" => DataflowFrequency.Minute,
        "hour" => DataflowFrequency.Hour,
        "day" => DataflowFrequency.Day,
        "week" => DataflowFrequency.Week,
        _ => null,
    };

    /// <summary>The request form: the start time in epoch seconds, the frequency in lower case, numbers as numbers, nothing for once but those two.</summary>
    internal ScheduleParams ToScheduleParams() => new()
    {
        StartTime = StartTime.ToUnixTimeSeconds(),
        Frequency = new ScheduleFrequency(WireName(Frequency)),
        Interval = Frequency == DataflowFrequency.Once ? null : Interval,
        Backfill = Frequency == DataflowFrequency.Once ? null : Backfill,
    };

    // The range DateTimeOffset can hold; a start time outside it is not one this library can show.
    private const long MinimumEpochSeconds = -62135596800;
    private const long MaximumEpochSeconds = 253402300799;

    /// <summary>The schedule a flow was read with; null when it has none, or one of a frequency this library does not know.</summary>
    internal static DataflowSchedule? From(ScheduleParams? parameters)
    {
        if (parameters is null || FromWireName(parameters.Frequency.Value) is not { } frequency
            || parameters.StartTime < MinimumEpochSeconds || parameters.StartTime > MaximumEpochSeconds)
        {
            return null;
        }

        return new DataflowSchedule(frequency, DateTimeOffset.FromUnixTimeSeconds(parameters.StartTime), parameters.Interval, parameters.Backfill);
    }
}
