// The orchestrator's network driver: top-of-rack switch ports (Drydock's network driver actions).
export * from './switch-port';
export { NETWORK_DRIVER_ACTIONS, SwitchDriver, type NetworkDriverAction, type PortConfigAction } from './switch-driver.interface';
export { SwitchPortNotFoundError } from './switch-port-not-found.error';
export { FakeSwitchDriver, type FakeSwitchCall, type FakeSwitchOptions } from './fake-switch-driver.interface';
export { ExecFileCommandRunner, type CommandResult, type CommandRunner, type ExecFileCommandRunnerOptions } from './command-runner';
export { KERNEL_LACKS_VLAN_FILTERING, LinuxBridgeSwitchDriver, type LinuxBridgeSwitch, type LinuxBridgeSwitchOptions } from './linux-bridge-switch-driver.interface';
export { nodeSwitchPorts, SWITCH_PORT_LABEL_PREFIX, type NodeSwitchPort } from './design-switch-ports';
export { describeSwitchDriverConformance, type SwitchDriverConformanceSubject } from './switch-driver.conformance';
export { nodePortPlan, siteNetworkTemplate, switchVlan, SWITCH_VLAN_LABEL, type NodePortPlan, type PlannedPort, type SiteNetworkTemplate } from './design-port-plan';
export { createSwitchDriver, SWITCH_DRIVER_NAMES, type SwitchDriverConfig, type SwitchDriverName } from './switch-driver-factory';
