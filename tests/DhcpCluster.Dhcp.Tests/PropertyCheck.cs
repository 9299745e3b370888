using FsCheck;
using FsCheck.Fluent;

namespace DhcpCluster.Dhcp.Tests;

/// <summary>Runs an FsCheck property inside a plain xunit fact and fails the fact with FsCheck's report.</summary>
internal static class PropertyCheck
{
    public static void ForAll<T>(Gen<T> generator, Func<T, bool> property, int maxTest = 300) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(maxTest), Prop.ForAll(generator.ToArbitrary(), property));

    public static Gen<byte> Byte => Gen.Choose(0, 255).Select(b => (byte)b);

    public static Gen<byte[]> Bytes(int minLength, int maxLength) =>
        Gen.Choose(minLength, maxLength).SelectMany(n => Byte.ArrayOf(n));

    public static Gen<uint> UInt32 => Gen.Choose(0, 0xFFFF).SelectMany(high => Gen.Choose(0, 0xFFFF).Select(low => ((uint)high << 16) | (uint)low));
}
