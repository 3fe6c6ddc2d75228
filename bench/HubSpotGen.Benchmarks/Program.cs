using BenchmarkDotNet.Running;

namespace HubSpotGen.Benchmarks;

public static class Program
{
    /// <summary>BenchmarkDotNet's switcher; <c>cold [--runs N] [spec…]</c> instead measures real builds (see <see cref="Cold.ColdBuildMeasure"/>).</summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "cold")
        {
            var rest = args.Skip(1).ToList();
            var runs = 1;
            var option = rest.IndexOf("--runs");
            if (option >= 0)
            {
                if (option + 1 >= rest.Count || !int.TryParse(rest[option + 1], out runs) || runs < 1)
                {
                    Console.Error.WriteLine("--runs takes a whole number of builds, 1 or more.");
                    return 2;
                }

                rest.RemoveRange(option, 2);
            }

            return Cold.ColdBuildMeasure.Run(rest.Count > 0 ? rest : new[] { "synthetic-1000", "synthetic-10mb" }, runs);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
