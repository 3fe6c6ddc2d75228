using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace HubSpotGen.FlowService.Tests.Telemetry;

/// <summary>
/// Listens to the library's ActivitySource and Meter through the BCL listeners, as an OpenTelemetry SDK would,
/// and keeps what one test's stub server saw: activities and measurements are kept only when their
/// <c>server.port</c> is that server's (token fetches, which name only a host, are all kept).
/// </summary>
internal sealed class TelemetryRecorder : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters = new();
    private readonly int _port;

    public TelemetryRecorder(int port)
    {
        _port = port;
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == FlowServiceTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("server.port") is int port && port == _port)
                {
                    lock (Activities)
                    {
                        Activities.Add(activity);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(_activities);

        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == FlowServiceTelemetry.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _meters.Start();
    }

    public List<Activity> Activities { get; } = [];

    public List<Measurement> Measurements { get; } = [];

    public IReadOnlyList<Measurement> Of(string instrument)
    {
        lock (Measurements)
        {
            return Measurements.Where(measurement => measurement.Instrument == instrument).ToList();
        }
    }

    /// <summary>Every text a tag, a name or a measurement carries, to search for what must never be there.</summary>
    public IEnumerable<string> AllTexts()
    {
        foreach (var activity in Activities)
        {
            yield return activity.DisplayName;
            yield return activity.OperationName;
            yield return activity.StatusDescription ?? "";
            foreach (var tag in activity.TagObjects)
            {
                yield return tag.Key + "=" + Text(tag.Value);
            }
        }

        foreach (var measurement in Measurements)
        {
            foreach (var tag in measurement.Tags)
            {
                yield return tag.Key + "=" + Text(tag.Value);
            }
        }
    }

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }

    private static string Text(object? value) => value is string[] values ? string.Join(",", values) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private void Keep<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        var copied = tags.ToArray().ToDictionary(tag => tag.Key, tag => tag.Value);
        var isOurs = copied.TryGetValue("server.port", out var port) ? port is int number && number == _port : instrument.Name == FlowServiceTelemetry.TokenFetchesInstrument;
        if (isOurs)
        {
            lock (Measurements)
            {
                Measurements.Add(new Measurement(instrument.Name, instrument.Unit, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), copied));
            }
        }
    }

    internal sealed record Measurement(string Instrument, string? Unit, double Value, IReadOnlyDictionary<string, object?> Tags);
}
