using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// A flow's <c>scheduleParams</c>, checked by the documented rules: <c>startTime</c> (epoch seconds, a JSON
/// number) and <c>frequency</c> are required; <c>once</c> takes no <c>interval</c> or <c>backfill</c>;
/// <c>minute</c> needs an interval of at least 15, the other frequencies at least 1. Numbers sent as strings are
/// refused, as Adobe's own example sends them and the service does not accept them.
/// </summary>
internal sealed record FlowSchedule(DateTimeOffset Start, string Frequency, int Interval)
{
    public const string Once = "once";

    public static readonly string[] Frequencies = [Once, "minute", "hour", "day", "week"];

    /// <summary>The latest start time <see cref="DateTimeOffset"/> can hold, 9999-12-31T23:59:59Z.</summary>
    private const long MaxEpochSeconds = 253402300799;

    public bool IsOnce => Frequency == Once;

    /// <summary>The time between two runs; zero for <c>once</c>.</summary>
    public TimeSpan Period => Frequency switch
    {
        "minute" => TimeSpan.FromMinutes(Interval),
        "hour" => TimeSpan.FromHours(Interval),
        "day" => TimeSpan.FromDays(Interval),
        "week" => TimeSpan.FromDays(7 * Interval),
        _ => TimeSpan.Zero,
    };

    public static (FlowSchedule? Schedule, FlowError? Error) Parse(JToken? token)
    {
        if (token is not JObject schedule)
        {
            return Fail("scheduleParams is required: an object with startTime (epoch seconds) and frequency.");
        }

        var startTime = schedule["startTime"];
        if (startTime is null || startTime.Type == JTokenType.Null)
        {
            return Fail("scheduleParams.startTime is required: the first run's time in epoch seconds.");
        }

        if (startTime.Type != JTokenType.Integer)
        {
            return Fail($"scheduleParams.startTime must be a whole number of epoch seconds, not {Describe(startTime)}.");
        }

        var seconds = (long)startTime;
        if (seconds is < 0 or > MaxEpochSeconds)
        {
            return Fail("scheduleParams.startTime must be epoch seconds between 0 and 253402300799.");
        }

        if (schedule["frequency"] is not JValue { Type: JTokenType.String } frequencyToken || Array.IndexOf(Frequencies, (string)frequencyToken!) < 0)
        {
            return Fail("scheduleParams.frequency is required and must be one of once, minute, hour, day or week.");
        }

        var frequency = (string)frequencyToken!;
        var interval = schedule["interval"];
        var backfill = schedule["backfill"];
        if (frequency == Once)
        {
            if (interval is not null)
            {
                return Fail("scheduleParams.interval must not be given with frequency once.");
            }

            if (backfill is not null)
            {
                return Fail("scheduleParams.backfill must not be given with frequency once.");
            }

            return (new FlowSchedule(DateTimeOffset.FromUnixTimeSeconds(seconds), frequency, 0), null);
        }

        if (interval is null || interval.Type == JTokenType.Null)
        {
            return Fail($"scheduleParams.interval is required with frequency {frequency}.");
        }

        if (interval.Type != JTokenType.Integer)
        {
            return Fail($"scheduleParams.interval must be a whole number, not {Describe(interval)}.");
        }

        var minimum = frequency == "minute" ? 15 : 1;
        var value = (long)interval;
        if (value < minimum || value > int.MaxValue)
        {
            return Fail($"scheduleParams.interval must be at least {minimum} with frequency {frequency}.");
        }

        if (backfill is not null && backfill.Type != JTokenType.Boolean)
        {
            return Fail("scheduleParams.backfill must be true or false.");
        }

        return (new FlowSchedule(DateTimeOffset.FromUnixTimeSeconds(seconds), frequency, (int)value), null);
    }

    /// <summary>The first slot (<see cref="Start"/> plus whole periods) strictly after <paramref name="time"/>; null for <c>once</c>.</summary>
    public DateTimeOffset? SlotAfter(DateTimeOffset time)
    {
        if (IsOnce)
        {
            return null;
        }

        if (time < Start)
        {
            return Start;
        }

        var periods = ((time - Start).Ticks / Period.Ticks) + 1;
        return Start + TimeSpan.FromTicks(periods * Period.Ticks);
    }

    private static string Describe(JToken token) => token.Type switch
    {
        JTokenType.String => "a string",
        JTokenType.Float => "a fraction",
        JTokenType.Boolean => "a boolean",
        _ => "a " + token.Type.ToString().ToLowerInvariant(),
    };

    private static (FlowSchedule?, FlowError?) Fail(string message) => (null, FlowError.BadRequest(FlowCodes.BadRequest, message));
}
