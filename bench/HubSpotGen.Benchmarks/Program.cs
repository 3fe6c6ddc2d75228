using BenchmarkDotNet.Running;

namespace HubSpotGen.Benchmarks;

public static class Program
{
    /// <summary>BenchmarkDotNet's switcher; <c>cold [spec…]</c> instead measures real builds (see <see cref="Cold.ColdBuildMeasure"/>).</summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "cold")
        {
            return Cold.ColdBuildMeasure.Run(args.Length > 1 ? args.Skip(1).ToList() : new[] { "synthetic-1000", "synthetic-10mb" });
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
