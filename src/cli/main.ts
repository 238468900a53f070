/** The gpu-cost bundle's entry (last in the bundle, after ./host and the adapters). */
import { main } from "./cli";

main();
