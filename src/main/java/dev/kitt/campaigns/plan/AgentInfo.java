package dev.kitt.campaigns.plan;

import io.vertx.core.json.JsonObject;

/** What planning needs of an agent: its id, name, CPU architecture, and whether it is a test agent. */
public record AgentInfo(String id, String name, String arch, boolean test) {
    /** From the {@code kitt.agents.get} reply: {id, name, status, is_test, hardware{cpu{architecture}}}. */
    public static AgentInfo fromJson(JsonObject a) {
        // Real agents report hardware.cpu as an object (the hardware probe); test agents as chosen
        // by the user, where cpu may be a plain name. Unknown architecture means "any".
        JsonObject hw = a.getValue("hardware") instanceof JsonObject h ? h : new JsonObject();
        String arch = hw.getValue("cpu") instanceof JsonObject cpu
                ? cpu.getString("architecture", cpu.getString("arch")) : hw.getString("arch");
        return new AgentInfo(a.getString("id"), a.getString("name", a.getString("id")),
                EngineCatalog.normaliseArch(arch), Boolean.TRUE.equals(a.getValue("is_test"))
                || Integer.valueOf(1).equals(a.getValue("is_test")));
    }

    /** This machine, for planning a campaign that runs locally. */
    public static AgentInfo local() {
        return new AgentInfo("local", "this machine", EngineCatalog.normaliseArch(System.getProperty("os.arch")), false);
    }
}
