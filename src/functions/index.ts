/**
 * Entry of the custom-functions bundle. The custom-functions-metadata plugin reads the JSDoc
 * of the files below, writes functions.json and appends their CustomFunctions.associate calls:
 * nothing here registers a function by hand.
 */
import "./cluster";
import "./scaling";
import "./assumptions";
