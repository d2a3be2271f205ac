using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Swf.Generators.Roslyn48.Tests;

/// <summary>The analyzer assemblies reference no Roslyn newer than 4.8, and these tests really run on 4.8.</summary>
public sealed class AnalyzerAssemblyReferenceTests
{
    [Theory]
    [InlineData(Roslyn48Harness.GeneratorAssembly)]
    [InlineData(Roslyn48Harness.CodeFixesAssembly)]
    public void References_MicrosoftCodeAnalysis_NoNewerThanOldestSupported(string assemblyFile)
    {
        using var stream = File.OpenRead(Roslyn48Harness.PathOf(assemblyFile));
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var roslyn = metadata.AssemblyReferences
            .Select(h => metadata.GetAssemblyReference(h))
            .Select(r => (Name: metadata.GetString(r.Name), r.Version))
            .Where(r => r.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .ToList();

        Assert.Contains(roslyn, r => r.Name == "Microsoft.CodeAnalysis");
        Assert.All(roslyn, r => Assert.True(r.Version <= Roslyn48Harness.OldestSupportedRoslyn, $"{assemblyFile} references {r.Name} {r.Version}"));
    }

    [Fact]
    public void TestProcess_Compiler_IsRoslyn48()
    {
        // Without this, a newer Roslyn resolved by accident would make every other test here prove nothing.
        Assert.Equal(Roslyn48Harness.OldestSupportedRoslyn, typeof(Compilation).Assembly.GetName().Version);
        Assert.Equal(Roslyn48Harness.OldestSupportedRoslyn, typeof(CSharpCompilation).Assembly.GetName().Version);
        Assert.Equal(Roslyn48Harness.OldestSupportedRoslyn, typeof(Workspace).Assembly.GetName().Version);
    }
}
