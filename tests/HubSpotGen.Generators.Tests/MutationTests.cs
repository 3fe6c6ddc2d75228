using System.Collections.Concurrent;
using System.Diagnostics;
using HubSpotGen.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;

namespace HubSpotGen.Generators.Tests;

/// <summary>
/// Thousands of broken and extreme specs derived from the real one and from our corpus, with a fixed seed so
/// that every run sees the same ones. Whatever the input, the generator must not throw, must not hang, and
/// must not emit code that fails to compile. Failing specs are written to the test's work folder.
/// </summary>
public sealed class MutationTests
{
    private const int BaseSeed = 20_261_128;
    private const int MutationCount = 2_400;

    /// <summary>Compiling every output would take far longer than generating it; every Nth, plus new shapes, is enough.</summary>
    private const int CompileEvery = 10;
    private const int MaxCompiles = 300;
    private static readonly TimeSpan GenerationTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Generated code is compiled where deep recursion in Roslyn cannot overflow the test host's stack.</summary>
    private const int CompileStackSize = 256 * 1024 * 1024;

    [Test]
    public void Mutated_specs_never_crash_hang_or_emit_code_that_does_not_compile()
    {
        var seeds = LoadSeeds();
        var mutations = new List<Mutation>();
        for (var i = 0; i < MutationCount; i++)
        {
            // A quarter from the real spec, the rest spread over the corpus.
            var (name, text) = i % 4 == 0 ? seeds[0] : seeds[1 + (i % (seeds.Count - 1))];
            mutations.Add(SpecMutator.Mutate(BaseSeed, i, name, text));
        }

        var result = Check(mutations, alwaysCompile: false);

        Assert.That(result.Failures, Is.Empty, result.Summary(mutations.Count));
        TestContext.Out.WriteLine(result.Summary(mutations.Count));
    }

    [Test]
    public void Extreme_specs_never_crash_hang_or_emit_code_that_does_not_compile()
    {
        var mutations = SpecMutator.Extremes(BaseSeed)
            .Select((extreme, i) => new Mutation(MutationCount + i, "synthetic", extreme.Kind, extreme.Text, extreme.Kind + extreme.Extension))
            .ToList();

        var result = Check(mutations, alwaysCompile: true);

        Assert.That(result.Failures, Is.Empty, result.Summary(mutations.Count));
        TestContext.Out.WriteLine(result.Summary(mutations.Count));
    }

    [Test]
    public void Names_that_collide_in_case_never_crash_or_emit_code_that_does_not_compile()
    {
        var mutations = SpecMutator.CaseCollisions(LoadSeeds().Concat(ExampleSeeds()))
            .Select((collision, i) => new Mutation(MutationCount + 2000 + i, "case", collision.Kind, collision.Text, collision.Kind + collision.Extension))
            .ToList();
        Assert.That(mutations, Has.Count.GreaterThan(10), "Too few seeds have named schemas to vary.");

        var result = Check(mutations, alwaysCompile: true);

        Assert.That(result.Failures, Is.Empty, result.Summary(mutations.Count));
        TestContext.Out.WriteLine(result.Summary(mutations.Count));
    }

    [Test]
    public void A_yaml_alias_fan_out_neither_hangs_nor_multiplies_types()
    {
        var spec = SpecMutator.AliasFanOut(levels: 6, fanOut: 8);
        var mutation = new Mutation(MutationCount + 1000, "synthetic", "alias-fan-out-6x8", spec, "alias-fan-out.yaml");

        var result = Check(new[] { mutation }, alwaysCompile: true);

        Assert.That(result.Failures, Is.Empty, result.Summary(1));
    }

    [Test]
    public void The_mutations_are_the_same_on_every_run()
    {
        var seeds = LoadSeeds();
        var first = SpecMutator.Mutate(BaseSeed, 17, seeds[1].Name, seeds[1].Text);
        var again = SpecMutator.Mutate(BaseSeed, 17, seeds[1].Name, seeds[1].Text);

        Assert.That(again, Is.EqualTo(first));
        Assert.That(Enumerable.Range(0, 200).Select(i => SpecMutator.Mutate(BaseSeed, i, seeds[0].Name, seeds[0].Text).Kind).Distinct().Count(), Is.GreaterThanOrEqualTo(10), "The mutations should spread over the kinds.");
    }

    private static List<(string Name, string Text)> LoadSeeds()
    {
        var seeds = new List<(string Name, string Text)> { ("flow-service.yaml", File.ReadAllText(RepositoryPaths.FlowServiceSpec)) };
        seeds.AddRange(CorpusFiles.ValidSpecs.Select(name => (name, File.ReadAllText(Path.Combine(CorpusFiles.ValidFolder, name)))));
        Assert.That(seeds, Has.Count.GreaterThan(5), "The corpus is missing from the test output.");
        return seeds;
    }

    /// <summary>The public example specs beside the repository, when this machine has them; said so when not.</summary>
    private static IEnumerable<(string Name, string Text)> ExampleSeeds()
    {
        var folder = RepositoryPaths.ExampleSpecsFolder;
        if (!Directory.Exists(folder))
        {
            TestContext.Out.WriteLine("No example specs in " + folder + "; only our own corpus is varied.");
            return Enumerable.Empty<(string, string)>();
        }

        return Directory.EnumerateFiles(folder)
            .Where(path => path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => ("example-" + Path.GetFileName(path), File.ReadAllText(path)))
            .ToList();
    }

    private static MutationResult Check(IReadOnlyList<Mutation> mutations, bool alwaysCompile)
    {
        var failures = new ConcurrentBag<(Mutation Mutation, string Problem)>();
        var compiledShapes = new ConcurrentDictionary<int, bool>();
        var compiles = 0;
        var diagnosticsSeen = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        long generationTicks = 0;
        long compileTicks = 0;

        Parallel.ForEach(mutations, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, mutation =>
        {
            var input = new SpecInput(Path.Combine("/mutants", mutation.FileName), mutation.Text, "Mutants.Generated");
            var started = Stopwatch.GetTimestamp();
            var outcome = Generate(input);
            Interlocked.Add(ref generationTicks, Stopwatch.GetTimestamp() - started);
            if (outcome.Problem is not null)
            {
                failures.Add((mutation, outcome.Problem));
                return;
            }

            var run = outcome.Run!;
            foreach (var id in run.GeneratorDiagnostics.Select(d => d.Id).Distinct())
            {
                diagnosticsSeen.AddOrUpdate(id, 1, (_, count) => count + 1);
            }

            if (run.Result.Exception is not null || run.GeneratorDiagnostics.Any(d => d.Id is "CS8785" or "HSG0001"))
            {
                failures.Add((mutation, "generator exception: " + (run.Result.Exception?.ToString() ?? GeneratorRun.Describe(run.GeneratorDiagnostics.Where(d => d.Id is "CS8785" or "HSG0001")))));
                return;
            }

            if (run.Sources.Count == 0)
            {
                return;
            }

            // Doc comments vary with every mutated description; the shape of the code is what can break it.
            var shape = ShapeOf(run);
            var isNewShape = compiledShapes.TryAdd(shape, true);
            if (alwaysCompile || mutation.Index % CompileEvery == 0 || (isNewShape && Volatile.Read(ref compiles) < MaxCompiles))
            {
                Interlocked.Increment(ref compiles);
                var compileStarted = Stopwatch.GetTimestamp();
                var errors = CompileErrors(run);
                Interlocked.Add(ref compileTicks, Stopwatch.GetTimestamp() - compileStarted);
                if (errors.Count > 0)
                {
                    failures.Add((mutation, "emitted code does not compile:\n" + GeneratorRun.Describe(errors.Take(5))));
                }
            }
        });

        var sorted = failures.OrderBy(f => f.Mutation.Index).ToList();
        SaveForReproduction(sorted);
        return new MutationResult(sorted, compiles, clock.Elapsed, Stopwatch.GetElapsedTime(0, generationTicks), Stopwatch.GetElapsedTime(0, compileTicks), diagnosticsSeen.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "×" + p.Value).ToList());
    }

    /// <summary>Runs the generator on its own thread, so that a hang is seen as one and cancelled instead of stalling the test.</summary>
    private static (GeneratorRun? Run, string? Problem) Generate(SpecInput input)
    {
        using var cancellation = new CancellationTokenSource();
        var compilation = TestCompilations.Create();
        var work = Task.Factory.StartNew(
            () =>
            {
                var driver = GeneratorHarness.CreateDriver(new[] { input }, out _);
                driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics, cancellation.Token);
                return new GeneratorRun(driver, driver.GetRunResult().Results.Single(), compilation, output, diagnostics);
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        try
        {
            if (!work.Wait(GenerationTimeout))
            {
                cancellation.Cancel();
                return (null, "hang: generation took longer than " + GenerationTimeout.TotalSeconds + " s");
            }
        }
        catch (AggregateException exception)
        {
            return (null, "generator driver threw: " + exception.InnerException);
        }

        return (work.Result, null);
    }

    private static List<Diagnostic> CompileErrors(GeneratorRun run)
    {
        List<Diagnostic>? errors = null;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    errors = run.OutputCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                }
                catch (Exception exception)
                {
                    failure = exception;
                }
            },
            CompileStackSize);
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            throw new AssertionException("The compiler itself failed on the generated code: " + failure);
        }

        return errors!;
    }

    private static int ShapeOf(GeneratorRun run)
    {
        var hash = new HashCode();
        foreach (var (hintName, text) in run.Sources)
        {
            hash.Add(hintName, StringComparer.Ordinal);
            foreach (var line in text.Split('\n'))
            {
                if (!line.TrimStart().StartsWith("///", StringComparison.Ordinal))
                {
                    hash.Add(line, StringComparer.Ordinal);
                }
            }
        }

        return hash.ToHashCode();
    }

    private static void SaveForReproduction(IReadOnlyList<(Mutation Mutation, string Problem)> failures)
    {
        if (failures.Count == 0)
        {
            return;
        }

        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "mutation-failures");
        Directory.CreateDirectory(folder);
        foreach (var (mutation, problem) in failures.Take(50))
        {
            File.WriteAllText(Path.Combine(folder, mutation.FileName), mutation.Text);
            File.WriteAllText(Path.Combine(folder, mutation.FileName + ".txt"), mutation + "\n" + problem + "\n");
        }
    }

    private sealed record MutationResult(IReadOnlyList<(Mutation Mutation, string Problem)> Failures, int Compiled, TimeSpan Elapsed, TimeSpan GenerationTime, TimeSpan CompileTime, IReadOnlyList<string> DiagnosticCounts)
    {
        public string Summary(int total)
        {
            var exceptions = Failures.Count(f => f.Problem.StartsWith("generator", StringComparison.Ordinal));
            var hangs = Failures.Count(f => f.Problem.StartsWith("hang", StringComparison.Ordinal));
            var compileFailures = Failures.Count(f => f.Problem.StartsWith("emitted", StringComparison.Ordinal));
            var lines = new List<string>
            {
                total + " mutated specs (seed " + BaseSeed + "), " + Failures.Count + " failures: " + exceptions + " generator exceptions, " + hangs + " hangs, "
                    + compileFailures + " compile failures among " + Compiled + " compiled outputs; " + Seconds(Elapsed) + " s (generating " + Seconds(GenerationTime) + " s, compiling " + Seconds(CompileTime) + " s, summed over threads).",
                "Diagnostics reported (specs per id): " + string.Join(", ", DiagnosticCounts),
            };
            if (Failures.Count > 0)
            {
                lines.Add("Failing specs saved to " + Path.Combine(TestContext.CurrentContext.WorkDirectory, "mutation-failures") + ". First failures:");
                lines.AddRange(Failures.Take(15).Select(f => "  " + f.Mutation + ": " + Truncate(f.Problem, 600)));
            }

            return string.Join("\n", lines);
        }

        private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture);

        private static string Truncate(string text, int length) => text.Length <= length ? text : text.Substring(0, length) + "…";
    }
}
