using System.Reflection;
using DhcpCluster.Hocon;
using DhcpCluster.Hocon.Keys;
using DhcpCluster.Node.Configuration;

namespace DhcpCluster.Node.Tests.Configuration;

/// <summary>
/// Keeps three things in step: the keys the code reads (the registry of declared keys), their defaults (the
/// modules' reference.conf files) and HOCON-reference.md.
/// </summary>
public sealed class HoconReferenceTests
{
    // The TestKit's keys are documented too: test code reads them, though it never ships in the product.
    private static readonly IReadOnlyList<Assembly> Modules = [.. ProductModules.All, typeof(Actors.Testing.TestKit).Assembly];
    private static readonly IReadOnlyList<ConfigKey> Declared = ConfigKeyRegistry.Discover(Modules);
    private static readonly IReadOnlyList<HoconReferenceRow> Documented = HoconReferenceDocument.Rows(HoconReferenceDocument.Locate());

    [Fact]
    public void Every_key_the_code_reads_is_documented()
    {
        var documented = Documented.Select(r => r.Path).ToHashSet(StringComparer.Ordinal);
        var missing = Declared.Where(k => !documented.Contains(k.Path)).Select(k => k.Path).ToList();
        Assert.True(missing.Count == 0, "read by the code but not in HOCON-reference.md: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_documented_key_is_read_by_the_code()
    {
        var declared = Declared.Select(k => k.Path).ToHashSet(StringComparer.Ordinal);
        var stale = Documented.Where(r => !declared.Contains(r.Path)).Select(r => $"{r.Path} (line {r.Line})").ToList();
        Assert.True(stale.Count == 0, "in HOCON-reference.md but read by nothing: " + string.Join(", ", stale));
    }

    [Fact]
    public void Each_key_is_documented_once_with_its_declared_type()
    {
        var duplicates = Documented.GroupBy(r => r.Path, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "documented more than once: " + string.Join(", ", duplicates));
        var byPath = Declared.ToDictionary(k => k.Path, StringComparer.Ordinal);
        var wrong = Documented
            .Where(r => byPath.TryGetValue(r.Path, out var key) && !string.Equals(Normalize(r.Type), Normalize(key.Type.ToString()), StringComparison.OrdinalIgnoreCase))
            .Select(r => $"{r.Path}: documented as {r.Type}, declared as {byPath[r.Path].Type}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("; ", wrong));
    }

    [Fact]
    public void The_reference_configuration_declares_only_known_keys_of_the_right_types()
    {
        var reference = ConfigFactory.ReferenceConfig([.. Modules]);
        var problems = ConfigurationCheck.Check(reference, Declared).Where(p => !p.Path.StartsWith("Dhcp4", StringComparison.Ordinal) || p.Severity == ConfigProblemSeverity.Error);
        Assert.Empty(problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Documented_defaults_are_the_reference_configuration_values()
    {
        var reference = ConfigFactory.ReferenceConfig([.. Modules]);
        var mismatches = new List<string>();
        foreach (var row in Documented)
        {
            var key = Declared.FirstOrDefault(k => string.Equals(k.Path, row.Path, StringComparison.Ordinal));
            if (key is null || key.IsElementKey)
            {
                continue;
            }

            var hasDefault = reference.HasPath(key);
            var documentedNone = Normalize(row.Default) is "" or "none" or "-" or "—";
            if (!hasDefault && !documentedNone)
            {
                mismatches.Add($"{row.Path}: documented default {row.Default}, but no reference.conf sets it");
            }
            else if (hasDefault && !string.Equals(Normalize(row.Default), Normalize(Render(reference.GetValue(key))), StringComparison.Ordinal))
            {
                mismatches.Add($"{row.Path}: documented default {row.Default}, reference.conf has {Render(reference.GetValue(key))}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("; ", mismatches));
    }

    private static string Render(Hocon.Values.ConfigValue value) =>
        value is Hocon.Values.ConfigObject { Count: 0 } ? "{}" : value.ToHocon();

    private static string Normalize(string text) =>
        new(text.Where(c => c is not ('`' or '"') && !char.IsWhiteSpace(c)).ToArray());
}
