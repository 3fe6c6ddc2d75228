using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace HubSpotGen.FlowService;

/// <summary>The library's ActivitySource and instruments: one set per process, as OpenTelemetry expects.</summary>
internal static class PlatformInstruments
{
    private static readonly string? Version = typeof(PlatformInstruments).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource Source = new(FlowServiceTelemetry.ActivitySourceName, Version);

    private static readonly Meter Meter = new(FlowServiceTelemetry.MeterName, Version);

    // The bucket boundaries OpenTelemetry's HTTP conventions advise for this histogram.
    public static readonly Histogram<double> RequestDuration = Meter.CreateHistogram(
        FlowServiceTelemetry.RequestDurationInstrument,
        unit: "s",
        description: "Duration of Platform operations, retries included.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] });

    public static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        FlowServiceTelemetry.RetriesInstrument,
        unit: "{retry}",
        description: "Requests sent again after a transient failure or with a renewed token.");

    public static readonly Counter<long> TokenFetches = Meter.CreateCounter<long>(
        FlowServiceTelemetry.TokenFetchesInstrument,
        unit: "{fetch}",
        description: "Access tokens asked of IMS.");
}
